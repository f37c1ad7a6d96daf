import ExcelJS from 'exceljs';
import { portfolioTables, type PortfolioTable } from '../report/portfolio/tables.js';
import type { Portfolio } from '../shared/portfolio/types.js';
import { neutraliseCell } from '../shared/report/csv.js';
import { reportStrings } from '../shared/report/strings.js';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function width(value: string | number | null): number {
  return value === null ? 0 : Math.max(...String(value).split('\n').map((line) => line.length));
}

function addSheet(workbook: ExcelJS.Workbook, table: PortfolioTable): void {
  const sheet = workbook.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers);
  for (const cells of table.rows) {
    // Counts stay numbers; a suppressed figure is the translated word, so it can never be summed as 0.
    const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell)));
    table.percentColumns.forEach((c) => {
      if (typeof cells[c] === 'number') row.getCell(c + 1).numFmt = '0%';
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF2' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  table.headers.forEach((heading, c) => {
    const widest = Math.max(width(heading) * 0.9, ...table.rows.map((cells) => width(cells[c] ?? null)));
    const column = sheet.getColumn(c + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest) + 2));
    const numeric = table.numberColumns.includes(c) || table.percentColumns.includes(c);
    column.alignment = numeric ? { vertical: 'top', horizontal: 'right' } : { vertical: 'top', wrapText: widest > MAX_WIDTH };
  });
  header.eachCell((cell) => {
    cell.alignment = { vertical: 'top', wrapText: true };
  });
}

/** The portfolio as a workbook: Summary, Criteria, Flags, Families and Chain risk sheets, counts only. */
export async function buildPortfolioXlsx(portfolio: Portfolio, language: string): Promise<Uint8Array> {
  const t = reportStrings(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Permit Integrity';
  workbook.lastModifiedBy = 'Permit Integrity';
  workbook.title = t('portfolio.document.title');
  workbook.created = new Date(portfolio.generatedAt);
  workbook.modified = new Date(portfolio.generatedAt);
  for (const table of portfolioTables(portfolio, language)) addSheet(workbook, table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
