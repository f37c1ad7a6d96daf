import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/api/languages.js';
import type { PermitFlagFilter } from '../../../../shared/permits/flag-filter.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { saveFile } from '../../components/download.js';

/**
 * The flagged list as a file, with the filters of the screen: CSV or XLSX,
 * the same cells in both (built by the API from shared/permits/flag-sheet.ts),
 * in the UI language; officer and applicant columns only when shown.
 */
export function FlagExport({ authorityId, filter, people }: { authorityId: number; filter: PermitFlagFilter; people: boolean }) {
  const { t, i18n } = useTranslation('permits');
  const api = useApi();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function save(format: 'csv' | 'xlsx') {
    setBusy(true);
    try {
      const file = await api.call('permits.exportFlags', { authorityId, ...filter, withPeople: people, format, language: i18n.language as Language });
      saveFile(file.fileName, file.mediaType, file.contentBase64);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" onClick={() => void save('csv')} disabled={busy} aria-label={t('export.csvLabel')}>
        {t('export.csv')}
      </button>
      <button type="button" onClick={() => void save('xlsx')} disabled={busy} aria-label={t('export.xlsxLabel')}>
        {t('export.xlsx')}
      </button>
    </>
  );
}
