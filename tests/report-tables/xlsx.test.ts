import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReportXlsx, sheetName } from '../../exports/xlsx.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { demoRegister, HOSTILE_TITLE, reportFixture } from './support.js';

const temp = useTempRegisters();

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Header text → column number of a sheet's first row. */
function columns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => map.set(String(cell.value), n));
  return map;
}

describe('buildReportXlsx', () => {
  it('reads back with the eight sheets, frozen filtered headers and the PI-1 figures as numbers', async () => {
    const { detail, data } = reportFixture(demoRegister(temp.open(), { hostile: true }), 2);
    const { result } = detail;
    const workbook = await load(await buildReportXlsx(data, 'en'));

    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Criteria', 'Controls', 'Controls by family', 'Evidence', 'Chain risk', 'Offences and sanctions', 'Flags', 'Action plan', 'Permit-data signals']);
    expect(workbook.creator).toBe('Permit Integrity');
    expect(workbook.title).toContain(data.authority.name);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeFalsy();
        }),
      );
    }

    const summary = workbook.getWorksheet('Summary')!;
    const overall = summary.getColumn(1).values.indexOf('Overall score (0–100)');
    const overallCell = summary.getRow(overall).getCell(2);
    expect(overallCell.type).toBe(ExcelJS.ValueType.Number);
    expect(overallCell.value).toBe(result.overall.score);
    expect(overallCell.numFmt).toBe('0.0');

    const criteria = workbook.getWorksheet('Criteria')!;
    const finalColumn = columns(criteria).get('Final maturity')!;
    expect(criteria.rowCount).toBe(result.criteria.length + 1);
    result.criteria.forEach((c, i) => {
      const cell = criteria.getRow(i + 2).getCell(finalColumn);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(c.final);
      expect(criteria.getRow(i + 2).getCell(1).value).toBe(c.paragraph);
    });

    const chain = workbook.getWorksheet('Chain risk')!;
    const residualColumn = columns(chain).get('Residual risk')!;
    result.chain.forEach((cell, i) => expect(chain.getRow(i + 2).getCell(residualColumn).value).toBe(cell.residualDisplay));

    // The hostile control title is a text cell, neutralised exactly as in CSV.
    const controls = workbook.getWorksheet('Controls')!;
    const hostile = controls.getColumn(1).values.find((v) => typeof v === 'string' && v.includes('HYPERLINK'));
    expect(hostile).toBe(`'${HOSTILE_TITLE}`);
    const widths = controls.columns.map((c) => c.width ?? 0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
  });

  it('names the sheets in the report language', async () => {
    const { data } = reportFixture(demoRegister(temp.open()), 1);
    const fr = await load(await buildReportXlsx(data, 'fr'));
    const es = await load(await buildReportXlsx(data, 'es'));
    expect(fr.worksheets.map((s) => s.name)).toEqual(['Synthèse', 'Critères', 'Mesures', 'Mesures par famille', 'Preuves', 'Risque de la chaîne', 'Infractions et sanctions', 'Alertes', "Plan d'action", 'Signaux des données de permis']);
    expect(es.worksheets.map((s) => s.name)).toContain('Plan de acción');
    expect(columns(fr.getWorksheet('Critères')!).has('Maturité finale')).toBe(true);
  });

  it('keeps sheet names within Excel rules', () => {
    const taken = new Set<string>();
    const long = sheetName('Risque: [chaîne] / *très* longue? \\ vraiment très longue', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[[\]:*?/\\]/);
    taken.add(long.toLowerCase());
    const again = sheetName('Risque: [chaîne] / *très* longue? \\ vraiment très longue', taken);
    expect(again).not.toBe(long);
    expect(again.length).toBeLessThanOrEqual(31);
  });
});
