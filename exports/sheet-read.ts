import ExcelJS from 'exceljs';
import { CsvSyntaxError, parseCsv, type CsvTable } from '../shared/import/csv-parse.js';

export class SheetReadError extends Error {
  override name = 'SheetReadError';
}

/** XLSX files are ZIP archives: they start with "PK". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** A cell's value as the text a user sees; dates as ISO (Excel stores them as dates, not text). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The first worksheet of an XLSX workbook, with each row's sheet line number. */
async function readXlsx(bytes: Uint8Array): Promise<CsvTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetReadError(`not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new SheetReadError('the workbook has no rows: it needs a header row and at least one row');
  const rows: CsvTable['rows'] = [];
  let headers: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1] ?? null));
    if (headers === null) headers = cells.map((h) => h.trim());
    else if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  });
  if (!headers) throw new SheetReadError('the workbook has no header row');
  return { headers, rows };
}

/** Reads a CSV or XLSX file (told apart by content, not by name) as a header and rows. */
export async function readSheet(name: string, bytes: Uint8Array): Promise<CsvTable> {
  if (isZip(bytes)) return readXlsx(bytes);
  if (/\.xlsx$/i.test(name)) throw new SheetReadError(`${name} is named .xlsx but is not an XLSX workbook`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new SheetReadError(error.message);
    throw error;
  }
}
