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

type Style = Partial<ExcelJS.Style>;

/**
 * Writes one table. Every cell of a column shares ONE style object (and the
 * header cells another): exceljs recognises a style object it has seen and
 * serialises it once, where a style set cell by cell (column.alignment = …)
 * would be serialised again for each of tens of thousands of cells.
 */
function addSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header: Style = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF2' } }, alignment: { vertical: 'top', wrapText: true } };
  const plain: Style[] = [];
  const decimal: Style[] = [];
  table.headers.forEach((heading, c) => {
    const widest = Math.max(textWidth(heading) * 0.9, ...table.rows.map((cells) => textWidth(cells[c] ?? null)));
    const column = sheet.getColumn(c + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest) + 2));
    const long = widest > MAX_WIDTH || table.rows.some((cells) => String(cells[c] ?? '').includes('\n'));
    const alignment: Partial<ExcelJS.Alignment> = table.numberColumns.includes(c) ? { vertical: 'top', horizontal: 'right' } : long ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
    plain[c] = { alignment };
    decimal[c] = { alignment, numFmt: '0.0' };
    // The column's own style (for cells typed in later); set as a property so exceljs does not walk its cells.
    column.style = plain[c]!;
  });

  sheet.addRow(table.headers).eachCell((cell) => {
    cell.style = header;
  });
  table.rows.forEach((cells, r) => {
    // Text goes through the same formula-injection rule as CSV. exceljs writes
    // strings as string cells, so none would be evaluated here; the prefix is
    // kept anyway so the text of a cell is identical in CSV and XLSX, and stays
    // safe if the workbook is saved as CSV or a cell is re-edited in Excel.
    const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell)));
    const decimalRow = table.decimalRows.includes(r);
    for (let c = 0; c < table.headers.length; c++) {
      const value = cells[c];
      if (value === null || value === undefined) continue;
      const oneDecimal = typeof value === 'number' && (decimalRow || table.decimalColumns.includes(c));
      row.getCell(c + 1).style = oneDecimal ? decimal[c]! : plain[c]!;
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
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
