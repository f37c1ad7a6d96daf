import ExcelJS from 'exceljs';
import { neutraliseCell, toCsv, type CsvCell } from '../shared/report/csv.js';

/** A plain table to save: headers and rows of text, numbers or empty cells. */
export interface SheetTable {
  headers: string[];
  rows: CsvCell[][];
}

/**
 * One table as a CSV (UTF-8 with BOM, formula-safe) or an XLSX workbook with
 * one sheet, its header row frozen. Text cells go through the CSV rule
 * against formula injection in both formats, so a cell reads the same in each
 * and stays inert if the workbook is saved again as CSV.
 */
export async function writeSheetFile(sheet: SheetTable, format: 'csv' | 'xlsx', sheetName: string): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(toCsv(sheet.headers, sheet.rows));
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow(sheet.headers);
  for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell)));
  // A loop, not Math.max(...rows): a list of 100,000 flags would overflow the call's arguments.
  worksheet.columns.forEach((column, i) => {
    let widest = sheet.headers[i]!.length;
    for (const r of sheet.rows) widest = Math.max(widest, String(r[i] ?? '').length);
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
