import ExcelJS from 'exceljs';
import { toCsv, neutraliseCell } from '../shared/report/csv.js';
import type { CsvCell } from '../shared/report/csv.js';

/** The controls sheet as a CSV (UTF-8 with BOM, formula-safe) or an XLSX workbook with one sheet. */
export async function writeControlsSheet(sheet: { headers: string[]; rows: CsvCell[][] }, format: 'csv' | 'xlsx', sheetName = 'Controls'): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(toCsv(sheet.headers, sheet.rows));
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow(sheet.headers);
  for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell)));
  worksheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, sheet.headers[i]!.length + 2, ...sheet.rows.map((r) => String(r[i] ?? '').length + 2)));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
