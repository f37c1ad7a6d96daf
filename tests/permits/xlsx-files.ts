/** Register exports written as real XLSX workbooks with exceljs, as a spreadsheet program would save them. */
import ExcelJS from 'exceljs';
import { REGISTER_HEADER } from '../../tools/permit-generator/csv.js';
import type { RegisterPermit } from '../../shared/permits/records.js';

/** A date cell with the number format that shows it (a date-time at midnight still shows its time). */
export interface DateCell {
  date: Date;
  format: string;
}
export type Cell = ExcelJS.CellValue | DateCell;

/** An ISO date or date-time as the date a spreadsheet cell holds (wall-clock time, no zone). */
export function dateCell(iso: string | null): Cell {
  if (iso === null) return null;
  return iso.length === 10 ? { date: new Date(`${iso}T00:00:00Z`), format: 'dd/mm/yyyy' } : { date: new Date(`${iso}:00Z`), format: 'dd/mm/yyyy hh:mm' };
}

/**
 * One permit as a row under REGISTER_HEADER. With `dates` the date columns
 * hold real date cells, else the text an export typed; quantities are numbers.
 */
export function registerRow(p: RegisterPermit, dates: boolean): Cell[] {
  const date = (v: string | null) => (dates ? dateCell(v) : (v ?? ''));
  return [
    p.number, p.documentType, date(p.receivedAt), date(p.issuedAt), p.officer, p.applicant, p.taxon, p.appendix, p.term, p.quantity, p.unit, p.source, p.purpose,
    p.partner, date(p.validUntil), p.status, p.replaces ?? '', p.endorsedQuantity, date(p.endorsedAt), p.endorsingOfficer ?? '',
  ];
}

export interface WorkbookOptions {
  header?: readonly string[];
  /** Written with the streaming writer (worksheets before shared strings in the archive). */
  streaming?: boolean;
  /** A second worksheet after the register, which the import must not read. */
  notesSheet?: boolean;
}

/** Writes rows (the header first) to the first worksheet of a new workbook; date cells get a date format. */
export async function writeWorkbook(path: string, rows: readonly Cell[][], options: WorkbookOptions = {}): Promise<void> {
  const all = [[...(options.header ?? REGISTER_HEADER)], ...rows];
  const fill = (sheet: ExcelJS.Worksheet, commit: (row: ExcelJS.Row) => void) => {
    all.forEach((values, i) => {
      const row = sheet.getRow(i + 1);
      values.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        const cell = row.getCell(c + 1);
        if (typeof value === 'object' && 'format' in value) {
          cell.value = value.date;
          cell.numFmt = value.format;
        } else cell.value = value;
      });
      commit(row);
    });
  };
  if (options.streaming) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const sheet = workbook.addWorksheet('Permits');
    fill(sheet, (row) => row.commit());
    sheet.commit();
    if (options.notesSheet) workbook.addWorksheet('Notes').addRow(['not', 'a', 'permit']).commit();
    await workbook.commit();
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Permits');
    fill(sheet, () => undefined);
    if (options.notesSheet) workbook.addWorksheet('Notes').addRow(['not', 'a', 'permit']);
    await workbook.xlsx.writeFile(path);
  }
}
