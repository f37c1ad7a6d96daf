import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/api/languages.js';
import type { PortfolioDocument, PortfolioFormat } from '../../../../shared/report/formats.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { LANGUAGE_NAMES } from '../../i18n/useChangeLanguage.js';
import { saveFile } from '../../components/download.js';

/** Which formats each document comes in (the API refuses the others). */
const OFFERED: Record<PortfolioDocument, PortfolioFormat[]> = {
  portfolio: ['html', 'xlsx', 'csv', 'pdf'],
  guideline: ['html', 'docx', 'pdf'],
};

/** Portfolio (HTML, XLSX, CSV, PDF) and draft guideline (HTML, DOCX, PDF) at the k on screen. */
export function ExportPanel({ k }: { k: number }) {
  const { t, i18n } = useTranslation('portfolio');
  const api = useApi();
  const notify = useNotify();
  const languageId = useId();
  const [language, setLanguage] = useState<Language>((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en');
  const [working, setWorking] = useState<string | null>(null);

  async function run(document: PortfolioDocument, format: PortfolioFormat) {
    const label = t('export.as', { document: t(`export.${document}`), format: format.toUpperCase() });
    setWorking(label);
    try {
      const file = await api.call('portfolio.export', { document, format, language, k });
      saveFile(file.fileName, file.mediaType, file.contentBase64);
      notify.success(t('export.done', { file: file.fileName }));
    } catch (e) {
      notify.error(e);
    } finally {
      setWorking(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="portfolio-export-heading">
      <h2 id="portfolio-export-heading">{t('export.heading')}</h2>
      <p className="muted">{t('export.intro')}</p>
      <div className="field export-language">
        <label htmlFor={languageId}>{t('export.language')}</label>
        <select id={languageId} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      {(['portfolio', 'guideline'] as const).map((document) => (
        <div className="toolbar" key={document} role="group" aria-label={t(`export.${document}`)}>
          <strong className="export-document">{t(`export.${document}`)}</strong>
          {OFFERED[document].map((format) => (
            <button key={format} type="button" onClick={() => void run(document, format)} disabled={working !== null} aria-label={t('export.as', { document: t(`export.${document}`), format: format.toUpperCase() })}>
              {format.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <p role="status" className="muted">
        {working ? t('export.working', { file: working }) : ''}
      </p>
    </section>
  );
}
