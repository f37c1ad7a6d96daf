import ExcelJS from 'exceljs';
import { neutraliseCell } from '../shared/report/csv.js';
import { REPORT_TABLES } from '../shared/report/formats.js';
import type { ReportData } from '../shared/report/report-data.js';
import { reportStrings } from '../shared/report/strings.js';
import { reportTables, type ReportTable } from '../shared/report/tables.js';

const MIN_WIDTH = 8;
/** Past this many characters a column stops growing and its text wraps instead. */
const MAX_WIDTH = 60;

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: ReadonlySet<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return name;
}

/** The widest line of a cell's text, in characters. */
function textWidth(value: string | number | null): number {
  if (value === null) return 0;
  return Math.max(...String(value).split('\n').map((line) => line.length));
}

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers);
  table.rows.forEach((cells, r) => {
    // Text goes through the same formula-injection rule as CSV. exceljs writes
    // strings as string cells, so none would be evaluated here; the prefix is
    // kept anyway so the text of a cell is identical in CSV and XLSX, and stays
    // safe if the workbook is saved as CSV or a cell is re-edited in Excel.
    const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell)));
    cells.forEach((cell, c) => {
      if (typeof cell !== 'number') return;
      if (table.decimalColumns.includes(c) || table.decimalRows.includes(r)) row.getCell(c + 1).numFmt = '0.0';
    });
  });

  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF2' } };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };

  table.headers.forEach((heading, c) => {
    const widest = Math.max(textWidth(heading) * 0.9, ...table.rows.map((cells) => textWidth(cells[c] ?? null)));
    const column = sheet.getColumn(c + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest) + 2));
    const long = widest > MAX_WIDTH || table.rows.some((cells) => String(cells[c] ?? '').includes('\n'));
    column.alignment = long ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
    if (table.numberColumns.includes(c)) column.alignment = { vertical: 'top', horizontal: 'right' };
  });
  // Column styles do not reach the header row once it exists, so restore its look.
  header.eachCell((cell) => {
    cell.alignment = { vertical: 'top', wrapText: true };
  });
}

/**
 * The report as a workbook: one sheet per report table (Summary, Criteria,
 * Controls, Evidence, Chain risk, Flags, Action plan) in the report language,
 * with a bold frozen, filtered header row and numbers stored as numbers.
 */
export async function buildReportXlsx(data: ReportData, language: string): Promise<Uint8Array> {
  const t = reportStrings(language);
  const tables = reportTables(data, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Permit Integrity';
  workbook.lastModifiedBy = 'Permit Integrity';
  workbook.title = t('tables.docx.subtitle', { authority: data.authority.name, assessment: data.assessment.title });
  workbook.subject = t('tables.titles.summary');
  // The report's own generation instant, so the same data gives the same workbook properties.
  workbook.created = new Date(data.generatedAt);
  workbook.modified = new Date(data.generatedAt);

  const taken = new Set<string>();
  for (const id of REPORT_TABLES) {
    const name = sheetName(tables[id].title, taken);
    taken.add(name.toLowerCase());
    addSheet(workbook, tables[id], name);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
