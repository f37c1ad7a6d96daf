import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS, ReportDocument, type ReportSectionId } from '../../../../report/ReportDocument.js';
import { REPORT_CSS } from '../../../../report/styles.js';
import type { Language } from '../../../../shared/api/languages.js';
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

/**
 * The report document itself, the same component the HTML and PDF exports
 * render, one section at a time: a report of 10,000 controls is too long to
 * lay out at once, and a reader goes to the part they need.
 */
export function ReportPreview({ data, language }: { data: ReportData; language: Language }) {
  const { t } = useTranslation('reports');
  const headingId = useId();
  const [section, setSection] = useState<ReportSectionId>('summary');
  const index = REPORT_SECTIONS.indexOf(section);
  useReportStyles();
  return (
    <section className="panel reports-preview-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('preview.title')}</h2>
      <p className="muted">{t('preview.intro')}</p>
      <nav className="preview-sections" aria-label={t('preview.sections')}>
        <button type="button" disabled={index === 0} onClick={() => setSection(REPORT_SECTIONS[index - 1]!)}>
          {t('preview.previous')}
        </button>
        <ol>
          {REPORT_SECTIONS.map((id) => (
            <li key={id}>
              <button type="button" aria-current={id === section ? 'page' : undefined} onClick={() => setSection(id)}>
                {t(`preview.section.${id}`)}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" disabled={index === REPORT_SECTIONS.length - 1} onClick={() => setSection(REPORT_SECTIONS[index + 1]!)}>
          {t('preview.next')}
        </button>
      </nav>
      {/* Focusable so keyboard users can scroll it; named for screen readers. */}
      <div className="reports-preview" role="region" aria-label={t('preview.label', { language: LANGUAGE_NAMES[language] })} tabIndex={0} data-testid="report-preview" data-section={section}>
        <ReportDocument data={data} language={language} only={[section]} />
      </div>
    </section>
  );
}
