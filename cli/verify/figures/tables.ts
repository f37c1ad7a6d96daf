import { SEVERITIES } from '../../../shared/domain/vocabulary.js';
import {
  CRITERIA_MATURITY_COLUMNS,
  DOCX_ACTION_PLAN_COLUMNS,
  figureKey,
  summaryFigureRows,
  summaryFlagRows,
  type FigureKind,
  type PrintedFigure,
} from '../../../shared/report/figures.js';
import type { ResultView } from '../../../shared/report/result-view.js';
import { REPORT_LANGUAGES, reportStrings } from '../../../shared/report/strings.js';
import { reportTableHeaders, TABLE_COLUMNS } from '../../../shared/report/tables.js';
import type { ReportTableText } from '../report-content.js';

/** A table recognised by its header row, and the figures read from it. */
export interface TableReading {
  layout: string;
  language: string;
  printed: PrintedFigure[];
  /** The kinds of figure this table prints, so that a figure missing from it is named. */
  kinds: FigureKind[];
}

type Layout = { name: string; headers: string[]; read: (rows: string[][], where: string) => PrintedFigure[]; kinds: FigureKind[] };

const norm = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Which report table a CSV file, an XLSX sheet or a Word table is (its header
 * row, in one of the report languages), and the figures it prints: the
 * Summary's score and flag-count rows (found by their labels), each criterion's
 * final maturity (found by its paragraph), and the rows of the flag and
 * action-plan tables counted by severity. A table of another kind (controls,
 * evidence…) is recognised but prints none of these figures.
 */
export function readReportTable(table: ReportTableText, view: ResultView): TableReading | null {
  const header = (table.rows[0] ?? []).map(norm);
  while (header.length && header[header.length - 1] === '') header.pop();
  for (const language of REPORT_LANGUAGES) {
    for (const layout of layouts(language, view)) {
      if (layout.headers.length === header.length && layout.headers.every((h, i) => norm(h) === header[i])) {
        return { layout: layout.name, language, printed: layout.read(table.rows.slice(1), table.name), kinds: layout.kinds };
      }
    }
  }
  return null;
}

function layouts(language: string, view: ResultView): Layout[] {
  const t = reportStrings(language);
  const headers = reportTableHeaders(language);
  const criteriaColumns = TABLE_COLUMNS.criteria as readonly string[];
  const column = (key: string) => criteriaColumns.indexOf(key);
  const bySeverity = (severityColumn: number) => (rows: string[][], where: string) => severityCounts(rows, severityColumn, language, `${where}, rows by severity`);
  const list: Layout[] = [
    { name: 'summary', headers: headers.summary, read: (rows, where) => summaryFigures(rows, view, language, where), kinds: ['score', 'count'] },
    { name: 'criteria', headers: headers.criteria, read: (rows, where) => criterionFigures(rows, column('paragraph'), column('final'), view, where), kinds: ['maturity'] },
    {
      name: 'criteria-maturity',
      headers: CRITERIA_MATURITY_COLUMNS.map((key) => headers.criteria[column(key)]!),
      read: (rows, where) => criterionFigures(rows, CRITERIA_MATURITY_COLUMNS.indexOf('paragraph'), CRITERIA_MATURITY_COLUMNS.indexOf('final'), view, where),
      kinds: ['maturity'],
    },
    { name: 'flags', headers: headers.flags, read: bySeverity(TABLE_COLUMNS.flags.indexOf('severity')), kinds: ['count'] },
    { name: 'action-plan', headers: headers['action-plan'], read: bySeverity(TABLE_COLUMNS['action-plan'].indexOf('severity')), kinds: ['count'] },
    { name: 'action-plan', headers: DOCX_ACTION_PLAN_COLUMNS.map((key) => t(`tables.actionPlan.${key}`)), read: bySeverity(DOCX_ACTION_PLAN_COLUMNS.indexOf('severity')), kinds: ['count'] },
  ];
  // The other tables carry none of the checked figures, but are still recognised as the report's own.
  for (const id of ['controls', 'families', 'evidence', 'chain', 'offences', 'permit-signals'] as const) list.push({ name: id, headers: headers[id], read: () => [], kinds: [] });
  return list;
}

function summaryFigures(rows: string[][], view: ResultView, language: string, where: string): PrintedFigure[] {
  const keys = new Map<string, string>();
  for (const row of [...summaryFigureRows(view, language), ...summaryFlagRows(view, language)]) if (row.key) keys.set(norm(row.label), row.key);
  return rows.flatMap((row) => {
    const key = keys.get(norm(row[0] ?? ''));
    return key ? [{ key, text: norm(row[1] ?? ''), where }] : [];
  });
}

/** Rows are matched to criteria by paragraph ("Art. 7.1(a)"), in order when two frameworks share one. */
function criterionFigures(rows: string[][], paragraphColumn: number, finalColumn: number, view: ResultView, where: string): PrintedFigure[] {
  const byParagraph = new Map<string, string[]>();
  for (const c of view.criteria) byParagraph.set(norm(c.paragraph), [...(byParagraph.get(norm(c.paragraph)) ?? []), c.id]);
  return rows.map((row) => {
    const paragraph = norm(row[paragraphColumn] ?? '');
    const id = byParagraph.get(paragraph)?.shift();
    return { key: id === undefined ? `criterion "${paragraph}"` : figureKey.criterion(id), text: norm(row[finalColumn] ?? ''), where };
  });
}

function severityCounts(rows: string[][], column: number, language: string, where: string): PrintedFigure[] {
  const t = reportStrings(language);
  const severityOf = new Map(SEVERITIES.map((s) => [norm(t(`tables.severity.${s}`)), s] as const));
  const counts = new Map(SEVERITIES.map((s) => [s as string, 0]));
  const unknown: PrintedFigure[] = [];
  for (const row of rows) {
    const word = norm(row[column] ?? '');
    const severity = severityOf.get(word);
    if (severity) counts.set(severity, counts.get(severity)! + 1);
    else unknown.push({ key: `severity "${word}"`, text: '1 row', where });
  }
  return [...SEVERITIES.map((s) => ({ key: figureKey.flags(s), text: String(counts.get(s)), where })), ...unknown];
}
