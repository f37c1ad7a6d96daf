import type { CsvCell } from '../shared/report/csv.js';
import { writeSheetFile } from './sheet-file.js';

/** The controls sheet as a CSV (UTF-8 with BOM, formula-safe) or an XLSX workbook with one sheet. */
export async function writeControlsSheet(sheet: { headers: string[]; rows: CsvCell[][] }, format: 'csv' | 'xlsx', sheetName = 'Controls'): Promise<Uint8Array> {
  return writeSheetFile(sheet, format, sheetName);
}
