import { compareStrings, naturalCompare } from '../../shared/domain/compare.js';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { syntheticPackage } from '../../bench/synthetic.js';
import { reportData } from '../../api/report-handlers.js';
import { importPackage } from '../../db/package-import.js';
import type { Register } from '../../db/register.js';
import { scoreAssessment } from '../../db/snapshot.js';
import { buildReportXlsx } from '../../exports/xlsx.js';
import { renderReportHtml } from '../../report/render.js';
import { ANNEX_ROWS, CRITERION_ROWS, familyFigures, listing, QUALITY_ROWS_PER_KIND, REPORT_DETAIL } from '../../shared/report/annex.js';
import { reportTableCsv } from '../../shared/report/csv-tables.js';
import { reportTables } from '../../shared/report/tables.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import ExcelJS from 'exceljs';

const temp = useTempRegisters();
/** Above ANNEX_ROWS, so that every long annex is cut in the summary. */
const CONTROLS = 400;

function bigRegister(): { register: Register; id: number } {
  const register = temp.open();
  importPackage(register, syntheticPackage(3, CONTROLS));
  const { id } = register.db.prepare('SELECT id FROM assessments LIMIT 1').get() as { id: number };
  return { register, id };
}

describe('listing and familyFigures', () => {
  it('keeps every row when complete or short, else the first rows, and always the whole count', () => {
    const rows = Array.from({ length: 10 }, (_, i) => i);
    expect(listing(rows, 'summary', 4)).toEqual({ total: 10, rows: [0, 1, 2, 3] });
    expect(listing(rows, 'complete', 4)).toEqual({ total: 10, rows });
    expect(listing(rows, 'summary', 10)).toEqual({ total: 10, rows });
  });

  it('counts controls per family at each maturity, in the library order, unknown families last', () => {
    const figures = familyFigures(
      [
        { family: 'b', stated: 4, effective: 2, unsupported: true, evidence: [] },
        { family: 'a', stated: 1, effective: 1, unsupported: false, evidence: [{ valid: true }, { valid: false }] },
        { family: 'zz', stated: 0, effective: 0, unsupported: false, evidence: [] },
        { family: 'b', stated: 3, effective: 3, unsupported: false, evidence: [{ valid: true }] },
      ],
      ['b', 'a'],
    );
    expect(figures.map((f) => f.family)).toEqual(['b', 'a', 'zz']);
    expect(figures[0]).toEqual({ family: 'b', controls: 2, stated: [0, 0, 0, 1, 1], effective: [0, 0, 1, 1, 0], unsupported: 1, evidence: 1, validEvidence: 1 });
    expect(figures[1]).toMatchObject({ controls: 1, evidence: 2, validEvidence: 1 });
  });

  it('summarises the documents and completes the tables', () => {
    expect(REPORT_DETAIL).toEqual({ html: 'summary', pdf: 'summary', xlsx: 'complete', csv: 'complete', docx: 'complete' });
  });
});

describe('report annexes of a large register', () => {
  it('summarised: first rows of each long list, whole counts, figures equal to PI-1', () => {
    const { register, id } = bigRegister();
    const result = scoreAssessment(register, id);
    const data = reportData(register, id);
    expect(data.detail).toBe('summary');
    expect(data.controls).toMatchObject({ total: CONTROLS });
    expect(data.controls.rows).toHaveLength(ANNEX_ROWS);
    // Listed in the register's natural title order ("Control 2" before "Control 10").
    const ordered = [...result.controls].sort((a, b) => naturalCompare(a.title, b.title) || compareStrings(a.uid, b.uid));
    expect(data.controls.rows.map((c) => c.uid)).toEqual(ordered.slice(0, ANNEX_ROWS).map((c) => c.uid));
    expect(data.actionPlan.total).toBe(result.flags.length);
    expect(data.actionPlan.rows).toHaveLength(Math.min(ANNEX_ROWS, result.flags.length));
    expect(data.evidenceRegister.total).toBeGreaterThan(ANNEX_ROWS);
    expect(data.evidenceRegister.rows).toHaveLength(ANNEX_ROWS);
    for (const c of data.criteria) {
      expect(c.controls.rows.length).toBe(Math.min(CRITERION_ROWS, c.controls.total));
      expect(c.evidence.rows.length).toBe(Math.min(CRITERION_ROWS, c.evidence.total));
    }
    expect(data.criteria.some((c) => c.evidence.total > CRITERION_ROWS)).toBe(true);
    const counts = Object.values(data.quality.counts);
    expect(data.quality.total).toBe(counts.reduce((a, b) => a + b, 0));
    expect(data.quality.items.length).toBeLessThanOrEqual(QUALITY_ROWS_PER_KIND * counts.filter((n) => n > 0).length);

    // The family figures cover every control, not just the listed ones.
    expect(data.families.reduce((n, f) => n + f.controls, 0)).toBe(CONTROLS);
    for (const f of data.families) {
      const members = result.controls.filter((c) => c.family === f.family);
      expect(f.controls).toBe(members.length);
      expect(f.effective).toEqual([0, 1, 2, 3, 4].map((level) => members.filter((c) => c.effective === level).length));
      expect(f.stated.reduce((a, b) => a + b, 0)).toBe(members.length);
      expect(f.unsupported).toBe(members.filter((c) => c.unsupported).length);
    }
    // No fact twice: the flags are the action plan's, chain cells count their controls.
    expect(data.view).not.toHaveProperty('flags');
    expect(data.view).not.toHaveProperty('criteria');
    expect(data.view.chain.map((cell) => cell.controlCount)).toEqual(result.chain.map((cell) => cell.controls.length));
  });

  it('the document says where the rest is; the XLSX and CSV list every row', async () => {
    const { register, id } = bigRegister();
    const summary = reportData(register, id, 'summary');
    const complete = reportData(register, id, 'complete');
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(complete).length / 2);

    const doc = parse(renderReportHtml(summary, 'en'));
    const controls = doc.querySelector('[data-section="controls"]')!;
    expect(controls.querySelectorAll('table.control-list tbody tr')).toHaveLength(ANNEX_ROWS);
    expect(controls.querySelectorAll('table.families tbody tr')).toHaveLength(summary.families.length);
    expect(controls.querySelector(`.cut-note[data-cut="${ANNEX_ROWS}/${CONTROLS}"]`)?.text).toBe(`Rows 1 to ${ANNEX_ROWS} of ${CONTROLS} are listed here; the XLSX export lists every row.`);
    expect(doc.querySelector('[data-section="evidence"] .cut-note')).not.toBeNull();
    expect(doc.querySelectorAll('[data-section="evidence"] tbody tr')).toHaveLength(ANNEX_ROWS);
    expect(doc.querySelector('[data-section="criteria"] .cut-note')?.text).toMatch(/^\d+ more rows are not listed here/);
    const fr = parse(renderReportHtml(summary, 'fr')).querySelector('[data-section="controls"] .cut-note')!.text;
    expect(fr).toBe(`Les lignes 1 à ${ANNEX_ROWS} sur ${CONTROLS} figurent ici\u00a0; l'export XLSX donne toutes les lignes.`);

    const tables = reportTables(complete, 'en');
    expect(tables.controls.rows).toHaveLength(CONTROLS);
    expect(tables.evidence.rows).toHaveLength(complete.evidenceRegister.total);
    expect(tables['action-plan'].rows).toHaveLength(complete.actionPlan.total);
    // Family table: one row per family, counts equal to the figures.
    expect(tables.families.rows.map((row) => row[1])).toEqual(complete.families.map((f) => f.controls));
    expect(reportTableCsv(complete, 'controls', 'en').split('\r\n').length).toBe(CONTROLS + 2);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildReportXlsx(complete, 'en')) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Controls')!.rowCount).toBe(CONTROLS + 1);
    expect(workbook.getWorksheet('Controls by family')!.rowCount).toBe(complete.families.length + 1);
  });

  it('an ordinary register is never cut', () => {
    const register = temp.open();
    importPackage(register, syntheticPackage(4, 40));
    const { id } = register.db.prepare('SELECT id FROM assessments LIMIT 1').get() as { id: number };
    const data = reportData(register, id);
    expect(data.controls.rows).toHaveLength(40);
    expect(renderReportHtml(data, 'en')).not.toContain('cut-note');
  });
});
