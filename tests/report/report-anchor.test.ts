/**
 * Issue 9: every report format, in every language, prints the register's audit
 * head and signing key, and the figures `verify --report` reads back from it
 * agree with the locked assessment when nobody touched the file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { scoredAssessment } from '../../api/assessment-handlers.js';
import { headPrintedIn } from '../../cli/verify/claimed-head.js';
import { reportFigureCheck } from '../../cli/verify/read-figures.js';
import { readReport } from '../../cli/verify/report-content.js';
import { buildActionPlanDocx } from '../../exports/docx.js';
import { closePdfBrowser, htmlToPdf } from '../../exports/pdf.js';
import { buildReportXlsx } from '../../exports/xlsx.js';
import { renderReportHtml } from '../../report/render.js';
import { reportTableCsv } from '../../shared/report/csv-tables.js';
import type { ReportData } from '../../shared/report/report-data.js';
import { REPORT_LANGUAGES, reportStrings } from '../../shared/report/strings.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { BASELINE, DRAFT, demoRegister, reportDataOf } from './report-fixture.js';

const temp = useTempRegisters();
afterAll(closePdfBrowser);

const HEAD = `12:${'3c'.repeat(32)}`;
const KEY = 'd3a3 8ea0 03ca 305e c385 60e7 6866 4406';

function baseline(signingKey: string | null): { data: ReportData; snapshot: ReturnType<typeof scoredAssessment>['snapshot'] } {
  const register = demoRegister(() => temp.open());
  const data = { ...reportDataOf(register, BASELINE), integrity: { auditHead: HEAD, signingKey } };
  return { data, snapshot: scoredAssessment(register, BASELINE).snapshot };
}

/** Every format but PDF, as bytes, with the detail level each is exported with. */
async function files(data: ReportData, language: string): Promise<Array<[string, Uint8Array]>> {
  const complete = { ...data, detail: 'complete' as const };
  const text = (s: string) => new TextEncoder().encode(s);
  return [
    ['html', text(renderReportHtml(data, language))],
    ['xlsx', await buildReportXlsx(complete, language)],
    ['docx', await buildActionPlanDocx(complete, language)],
    ['csv summary', text(reportTableCsv(complete, 'summary', language))],
  ];
}

describe('the audit head and signing key in every report', () => {
  for (const language of REPORT_LANGUAGES) {
    it(`are printed and read back from HTML, XLSX, DOCX and the CSV summary (${language})`, { timeout: 120_000 }, async () => {
      const { data, snapshot } = baseline(KEY);
      for (const [format, bytes] of await files(data, language)) {
        const content = await readReport(format, bytes);
        expect(headPrintedIn(content), format).toBe(HEAD);
        expect(content.text, format).toContain(KEY);
        const figures = reportFigureCheck(content, snapshot, null);
        expect(figures.differences, format).toEqual([]);
        expect(figures.read, format).toBeGreaterThanOrEqual(7);
      }
    });
  }

  it('say "unsigned" in the report language when the register cannot sign', { timeout: 120_000 }, async () => {
    for (const language of REPORT_LANGUAGES) {
      const { data } = baseline(null);
      const unsigned = [reportStrings(language)('document.cover.unsigned'), reportStrings(language)('tables.summary.unsigned'), reportStrings(language)('tables.docx.unsigned')];
      for (const [format, bytes] of await files(data, language)) {
        const { text } = await readReport(format, bytes);
        expect(unsigned.some((word) => text.replace(/\s+/g, ' ').includes(word.replace(/\s+/g, ' '))), `${language} ${format}`).toBe(true);
      }
    }
  });

  it('reads the criteria CSV back by paragraph, and knows a table that prints no checked figure', async () => {
    const { data, snapshot } = baseline(KEY);
    const complete = { ...data, detail: 'complete' as const };
    const criteria = await readReport('criteria.csv', new TextEncoder().encode(reportTableCsv(complete, 'criteria', 'fr')));
    expect(reportFigureCheck(criteria, snapshot, null)).toMatchObject({ differences: [], read: data.criteria.length, what: ['criterion maturities'] });
    const controls = await readReport('controls.csv', new TextEncoder().encode(reportTableCsv(complete, 'controls', 'es')));
    expect(reportFigureCheck(controls, snapshot, null)).toMatchObject({ differences: [], read: 0, note: expect.stringContaining('controls') });
  });

  it('are printed on the cover of the PDF and read back, with its figures, in each language', { timeout: 180_000 }, async () => {
    const { data, snapshot } = baseline(KEY);
    for (const language of REPORT_LANGUAGES) {
      const bytes = await htmlToPdf(renderReportHtml(data, language, { forPrint: true }));
      const content = await readReport('report.pdf', bytes);
      expect(headPrintedIn(content), language).toBe(HEAD);
      expect(content.text.replace(/\s+/g, ' '), language).toContain(KEY);
      // No language given: the reader recognises it from the text, as it must without a sidecar.
      const figures = reportFigureCheck(content, snapshot, null);
      expect(figures.differences, language).toEqual([]);
      expect(figures.what, language).toEqual(['scores', 'criterion maturities', 'flag counts']);
    }
  });

  it('read back a separately scored section (the legal framework pack) and its criteria in every format', { timeout: 180_000 }, async () => {
    const register = demoRegister(() => temp.open());
    // The demo draft is scored with the pack; the reader scores its snapshot the same way a locked one is.
    const data = { ...reportDataOf(register, DRAFT), integrity: { auditHead: HEAD, signingKey: KEY } };
    const { snapshot } = scoredAssessment(register, DRAFT);
    expect(data.view.scores.sections).toHaveLength(1);
    const language = 'fr';
    const all: Array<[string, Uint8Array]> = [...(await files(data, language)), ['pdf', await htmlToPdf(renderReportHtml(data, language, { forPrint: true }))]];
    for (const [format, bytes] of all) {
      const figures = reportFigureCheck(await readReport(format, bytes), snapshot, null);
      expect(figures.differences, format).toEqual([]);
    }
  });
});
