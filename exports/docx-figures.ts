import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { libraryText } from '../shared/library/translations.js';
import { CRITERIA_MATURITY_COLUMNS, summaryFigureRows, summaryFlagRows } from '../shared/report/figures.js';
import type { ReportData } from '../shared/report/report-data.js';
import { reportFormat, reportStrings } from '../shared/report/strings.js';
import { reportTableHeaders, TABLE_COLUMNS } from '../shared/report/tables.js';

function plainCell(value: string, width: number, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: value, bold: header })] })],
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF2' } } : {}),
  });
}

function simpleTable(headers: string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => plainCell(h, widths[i]!, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => plainCell(value, widths[i]!)) })),
    ],
  });
}

/**
 * The scores and flag counts the plan was drawn from, before the plan: the
 * Summary table's own labels and headers, so a reader sees the same words as in
 * the workbook and `verify --report` reads the figures back from this table.
 */
export function figuresSection(data: ReportData, language: string, width: number): Array<Paragraph | Table> {
  const t = reportStrings(language);
  const fmt = reportFormat(language);
  const scores = summaryFigureRows(data.view, language).map((row) => [row.label, fmt.score(row.value)]);
  const flags = summaryFlagRows(data.view, language).map((row) => [row.label, String(row.value ?? '')]);
  const headers = reportTableHeaders(language).summary;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun(t('tables.docx.figures'))] }),
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun(t('tables.docx.figuresIntro'))] }),
    simpleTable(headers, [...scores, ...flags], [Math.floor(width * 0.5), Math.floor(width * 0.15)]),
  ];
}

/** Annex: every criterion's final maturity against its target, read back by `verify --report`. */
export function criteriaAnnex(data: ReportData, language: string, width: number): Array<Paragraph | Table> {
  const t = reportStrings(language);
  const all = reportTableHeaders(language).criteria;
  const headers = CRITERIA_MATURITY_COLUMNS.map((key) => all[TABLE_COLUMNS.criteria.indexOf(key)]!);
  const lib = libraryText(language);
  const yesNo = (value: boolean) => t(value ? 'tables.common.yes' : 'tables.common.no');
  const rows = data.criteria.map((c) => [c.paragraph, lib.criterionTitle(c), yesNo(c.applicable), String(c.final), String(c.target)]);
  const shares = [0.12, 0.52, 0.12, 0.12, 0.12];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 300, after: 120 }, children: [new TextRun(t('tables.docx.criteria'))] }),
    simpleTable(headers, rows, shares.map((share) => Math.floor(width * share))),
  ];
}
