import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportDocument } from '../../../../report/ReportDocument.js';
import { REPORT_CSS } from '../../../../report/styles.js';
import type { Language } from '../../../../shared/api/inputs.js';
import type { ReportData } from '../../../../shared/report/report-data.js';
import { LANGUAGE_NAMES } from '../../i18n/useChangeLanguage.js';

/**
 * The report's own CSS, shared with the HTML export. The app's CSP allows
 * no inline <style>, so it is adopted as a constructed stylesheet (scoped to
 * .pi-report, it cannot touch the app) while the preview is on screen.
 */
function useReportStyles(): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(REPORT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, []);
}

/** The report document itself, the same component the HTML and PDF exports render, in a scrollable panel. */
export function ReportPreview({ data, language }: { data: ReportData; language: Language }) {
  const { t } = useTranslation('reports');
  const headingId = useId();
  useReportStyles();
  return (
    <section className="panel reports-preview-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('preview.title')}</h2>
      <p className="muted">{t('preview.intro')}</p>
      {/* Focusable so keyboard users can scroll it; named for screen readers. */}
      <div className="reports-preview" role="region" aria-label={t('preview.label', { language: LANGUAGE_NAMES[language] })} tabIndex={0} data-testid="report-preview">
        <ReportDocument data={data} language={language} />
      </div>
    </section>
  );
}
