import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/api/languages.js';
import { REPORT_TABLES, type ReportFormat, type ReportTableId } from '../../../../shared/report/formats.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { LANGUAGE_NAMES } from '../../i18n/useChangeLanguage.js';
import { saveBlob, saveFile } from '../../components/download.js';

const BUTTONS: ReadonlyArray<Exclude<ReportFormat, 'csv'>> = ['pdf', 'html', 'xlsx', 'docx'];

/**
 * One button per format; the register builds the file (the PDF through
 * Chromium or Electron's printer) and the page saves it as a download.
 * One export at a time, with its progress said aloud.
 */
export function ExportPanel({ assessmentId, language, onLanguage }: { assessmentId: number; language: Language; onLanguage(language: Language): void }) {
  const { t } = useTranslation('reports');
  const api = useApi();
  const notify = useNotify();
  const ids = { heading: useId(), language: useId(), table: useId(), hint: useId(), comments: useId(), sidecar: useId() };
  const [table, setTable] = useState<ReportTableId>('criteria');
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [comments, setComments] = useState(false);
  // The last export's signed manifest, offered as its own download (one click, one file).
  const [sidecar, setSidecar] = useState<{ report: string; fileName: string; content: string } | null>(null);

  async function exportAs(format: ReportFormat) {
    setBusy(format);
    try {
      const file = await api.call('reports.export', { id: assessmentId, format, language, ...(format === 'csv' ? { table } : {}), ...(comments ? { comments } : {}) });
      saveFile(file.fileName, file.mediaType, file.contentBase64);
      setSidecar({ report: file.fileName, ...file.sidecar });
      notify.success(t('export.saved', { file: file.fileName }));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel reports-export" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('export.title')}</h2>
      <p className="muted">{t('export.intro')}</p>
      <div className="field">
        <label htmlFor={ids.language}>{t('export.language')}</label>
        <select id={ids.language} value={language} onChange={(e) => onLanguage(e.target.value as Language)} disabled={busy !== null}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <label className="check" htmlFor={ids.comments}>
        <input id={ids.comments} type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} disabled={busy !== null} />
        {t('comments:includeInReport')}
      </label>
      <div className="export-buttons" role="group" aria-label={t('export.formats')}>
        {BUTTONS.map((format) => (
          <button key={format} type="button" className={format === 'pdf' ? 'primary' : undefined} onClick={() => void exportAs(format)} disabled={busy !== null} aria-describedby={format === 'pdf' ? ids.hint : undefined}>
            {t(`export.${format}`)}
          </button>
        ))}
      </div>
      <p className="muted small-print" id={ids.hint}>
        {t('export.pdfHint')}
      </p>
      {sidecar ? (
        <div className="export-sidecar">
          {/* A short visible label (a report's file name is long); the accessible name still names the file. */}
          <button
            type="button"
            aria-label={t('export.sidecar', { file: sidecar.report })}
            aria-describedby={ids.sidecar}
            onClick={() => saveBlob(sidecar.fileName, new Blob([sidecar.content], { type: 'application/json' }))}
          >
            {t('export.sidecarButton')}
          </button>
          <p className="muted small-print export-sidecar-file">{t('export.sidecarFile', { file: sidecar.report })}</p>
          <p className="muted small-print" id={ids.sidecar}>
            {t('export.sidecarHint')}
          </p>
        </div>
      ) : null}
      <div className="row export-csv">
        <div className="field">
          <label htmlFor={ids.table}>{t('export.table')}</label>
          <select id={ids.table} value={table} onChange={(e) => setTable(e.target.value as ReportTableId)} disabled={busy !== null}>
            {REPORT_TABLES.map((id) => (
              <option key={id} value={id}>
                {t(`export.tables.${id}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="button" onClick={() => void exportAs('csv')} disabled={busy !== null}>
            {t('export.csv')}
          </button>
        </div>
      </div>
      <div role="status" aria-live="polite" className="export-progress" data-testid="export-progress">
        {busy ? (
          <>
            <span>{t(`export.preparing.${busy}`)}</span> <progress aria-label={t(`export.preparing.${busy}`)} />
          </>
        ) : null}
      </div>
    </section>
  );
}
