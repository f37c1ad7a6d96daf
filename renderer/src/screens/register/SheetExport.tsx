import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/api/languages.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { saveFile } from '../../components/download.js';

/** The controls as a sheet to edit in a spreadsheet and import back (CSV or XLSX, in the UI language). */
export function SheetExport({ authorityId }: { authorityId: number }) {
  const { t, i18n } = useTranslation('register');
  const api = useApi();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function save(format: 'csv' | 'xlsx') {
    setBusy(true);
    try {
      const file = await api.call('controls.exportSheet', { authorityId, format, language: i18n.language as Language });
      saveFile(file.fileName, file.mediaType, file.contentBase64);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" onClick={() => void save('xlsx')} disabled={busy}>
        {t('import.exportXlsx')}
      </button>
      <button type="button" onClick={() => void save('csv')} disabled={busy}>
        {t('import.exportCsv')}
      </button>
    </>
  );
}
