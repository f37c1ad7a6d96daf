import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.js';
import { analyseAuthorityPermits } from '../../db/permits/analysis.js';
import { importPermitFiles } from '../../db/permits/import.js';
import { exportReport } from '../../exports/report-export.js';
import { renderReportHtml } from '../../report/render.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { MAPPING, writeGenerated } from '../permits/files.js';
import { DRAFT, demoRegister, reportDataOf } from './report-fixture.js';

const temp = useTempRegisters();
const CELL = 'application_intake/bribery';
const WORDS = {
  en: { heading: 'Annex D. Permit-data signals', yes: 'Yes' },
  fr: { heading: 'Annexe D. Signaux des données de permis', yes: 'Oui' },
  es: { heading: 'Anexo D. Señales de los datos de permisos', yes: 'Sí' },
} as const;

async function reportWithSignals() {
  const register = demoRegister(() => temp.open());
  const data = generatePermitData({ seed: 4, tradeRows: 200, registerRows: 3_000, anomalies: true });
  const files = writeGenerated(temp.dir(), data);
  await importPermitFiles(register, { authorityId: 1, format: 'register', paths: [files.register], mapping: MAPPING });
  analyseAuthorityPermits(register, 1);
  // The assessor rates intake bribery as rare; the processing-time outliers say otherwise.
  await dispatch(register, { transport: 'browser', version: 'test' }, 'assessments.setChainCell', { id: DRAFT, cell: { stage: 'application_intake', riskType: 'bribery', likelihood: 1, impact: 4 } });
  return { register, report: reportDataOf(register, DRAFT) };
}

describe('report annex "Permit-data signals"', () => {
  it('appears in HTML, CSV, XLSX and DOCX in three languages, with the contradiction and the input digest, naming no officer', async () => {
    const { report } = await reportWithSignals();
    const row = report.permitSignals!.rows.find((r) => `${r.stage}/${r.riskType}` === CELL)!;
    expect(row.likelihood).toBe(1);
    expect(row.contradicts).toBe(true);
    expect(report.actionPlan.rows.some((r) => r.flag.kind === 'data-contradicts-likelihood' && r.flag.subject.id === CELL)).toBe(true);

    for (const [language, words] of Object.entries(WORDS)) {
      const html = renderReportHtml(report, language);
      const section = parse(html).querySelector('[data-section="permit-signals"]')!;
      expect(section.querySelector('h2')!.text).toBe(words.heading);
      expect(section.text).toContain(report.permitSignals!.analysis.inputDigest);
      const cells = section.querySelector(`tr[data-cell="${CELL}"]`)!.querySelectorAll('td').map((td) => td.text);
      expect(cells.at(-1)).toBe(words.yes);
      expect(cells[2]).toBe(String(row.flagged));
      expect(html).not.toMatch(/p-[0-9a-f]{16}/);

      const csv = new TextDecoder().decode((await exportReport(report, 'csv', language, { table: 'permit-signals' })).bytes);
      expect(csv.split('\n').length).toBeGreaterThan(report.permitSignals!.rows.length);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from((await exportReport(report, 'xlsx', language)).bytes) as never);
      expect(workbook.worksheets.at(-1)!.rowCount).toBe(report.permitSignals!.rows.length + 1);

      const docx = await JSZip.loadAsync((await exportReport(report, 'docx', language)).bytes);
      const xml = await docx.file('word/document.xml')!.async('string');
      expect(xml).toContain(words.heading);
      expect(xml).toContain(report.permitSignals!.analysis.inputDigest);
    }
  });

  it('says so when the assessment was scored without permit data', () => {
    const report = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    expect(report.permitSignals).toBeNull();
    const section = parse(renderReportHtml(report, 'fr')).querySelector('[data-section="permit-signals"]')!;
    expect(section.text).toContain("Aucune donnée de permis n'avait été analysée");
  });
});
