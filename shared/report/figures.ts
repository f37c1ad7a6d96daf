import { SEVERITIES } from '../domain/vocabulary.js';
import { libraryText } from '../library/translations.js';
import { assess } from '../methodology/assess.js';
import type { Snapshot } from '../snapshot/schema.js';
import { resultView, type ResultView } from './result-view.js';
import { reportStrings } from './strings.js';

/**
 * The figures a reader of a report relies on: the overall, article and
 * separately scored section scores, each criterion's final maturity and the
 * flag counts. Every report format prints them; `verify --report` reads them
 * back from the file and compares them with the ones recomputed from the
 * locked snapshot, so an edited figure is named even without a sidecar.
 */
export type FigureKind = 'score' | 'maturity' | 'count';

export interface Figure {
  /** Stable and language-neutral, e.g. `overall-score`, `criterion-7.1(a)`, `flags-high`. */
  key: string;
  kind: FigureKind;
  value: number | null;
  /** A criterion that does not apply: some formats (HTML, PDF) print no maturity for it. */
  notApplicable?: true;
}

/** What the figures are computed from: a report's view or a result view (the same fields). */
export interface FigureSource {
  scores: ResultView['scores'];
  flagCounts: ResultView['flagCounts'];
  criteria: ReadonlyArray<{ id: string; final: number; applicable: boolean }>;
}

export const figureKey = {
  overall: 'overall-score',
  article: (article: string) => `article-score-${article}`,
  section: (framework: string) => `section-score-${framework}`,
  criterion: (id: string) => `criterion-${id}`,
  flags: (severity: string) => `flags-${severity}`,
};

export function reportFigures(source: FigureSource): Figure[] {
  const { scores } = source;
  return [
    { key: figureKey.overall, kind: 'score', value: scores.overall },
    ...scores.articles.map((a): Figure => ({ key: figureKey.article(a.article), kind: 'score', value: a.score })),
    ...scores.sections.map((s): Figure => ({ key: figureKey.section(s.framework), kind: 'score', value: s.score })),
    ...source.criteria.map((c): Figure => ({ key: figureKey.criterion(c.id), kind: 'maturity', value: c.final, ...(c.applicable ? {} : { notApplicable: true as const }) })),
    ...SEVERITIES.map((s): Figure => ({ key: figureKey.flags(s), kind: 'count', value: source.flagCounts[s] })),
  ];
}

/** The figures of a locked snapshot, scored anew by PI-1 (never read from a report or a register's cache). */
export function lockedView(snapshot: Snapshot): ResultView {
  return resultView(snapshot, assess(snapshot));
}

export function lockedFigures(snapshot: Snapshot): Figure[] {
  return reportFigures(lockedView(snapshot));
}

/** One figure as a report prints it, and where (a sheet, a table), for the message. */
export interface PrintedFigure {
  key: string;
  text: string;
  where?: string;
}

/**
 * Names every difference between the figures a report prints and the locked
 * ones: a changed value, a figure that should be printed and is not
 * (`required`), and a printed figure the assessment does not have. Scores are
 * compared as printed, to one decimal; maturities and counts exactly.
 */
export function figureDifferences(printed: readonly PrintedFigure[], expected: readonly Figure[], required: (figure: Figure) => boolean): string[] {
  const byKey = new Map(expected.map((f) => [f.key, f]));
  const seen = new Set<string>();
  const differences: string[] = [];
  for (const p of printed) {
    const name = p.where ? `${p.key} (${p.where})` : p.key;
    const figure = byKey.get(p.key);
    if (!figure) {
      differences.push(`${name}: the report shows ${p.text || '(nothing)'}, the locked assessment has no such figure`);
      continue;
    }
    seen.add(p.key);
    const shown = printedNumber(p.text, figure.kind);
    const want = figure.value === null ? null : figure.kind === 'score' ? oneDecimal(figure.value) : figure.value;
    const got = shown === null ? null : figure.kind === 'score' ? oneDecimal(shown) : shown;
    if (got !== want) differences.push(`${name}: the report shows ${p.text || '(nothing)'}, the locked assessment gives ${want ?? 'no score'}`);
  }
  for (const figure of expected) {
    if (required(figure) && !seen.has(figure.key)) differences.push(`${figure.key}: missing from the report`);
  }
  return differences;
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The number in a printed cell, or null when it shows none (a dash, an empty
 * cell). A maturity is the first number ("2 Partially implemented"), a count
 * the last ("High 3"), a score the only one ("44,4" in French is 44.4).
 */
export function printedNumber(text: string, kind: FigureKind): number | null {
  const all = text.replace(/\u2212/g, '-').match(/-?\d+(?:[.,]\d+)?/g);
  if (!all) return null;
  const chosen = kind === 'count' ? all[all.length - 1]! : all[0]!;
  return Number(chosen.replace(',', '.'));
}

/** A row of the key/value Summary table: a figure's label in the report language, with its key when it is a checked figure. */
export interface SummaryFigureRow {
  label: string;
  value: number | null;
  key: string | null;
}

/**
 * The score, coverage and flag-count rows of the Summary table (CSV, XLSX) and
 * of the Word plan's figures table, in one language. One function writes the
 * labels and `verify --report` maps them back to figure keys.
 */
export function summaryFigureRows(source: Pick<FigureSource, 'scores' | 'flagCounts'>, language: string): SummaryFigureRow[] {
  const t = reportStrings(language);
  const lib = libraryText(language);
  const { scores } = source;
  const rows: SummaryFigureRow[] = [{ label: t('tables.summary.overall'), value: scores.overall, key: figureKey.overall }];
  for (const a of scores.articles) {
    rows.push({ label: t('tables.summary.article', { article: a.article, title: lib.article(a.framework, { id: a.article, title: a.title }) }), value: a.score, key: figureKey.article(a.article) });
  }
  rows.push({ label: t('tables.summary.coverage'), value: scores.coverage.percent, key: null });
  for (const a of scores.articles) rows.push({ label: t('tables.summary.coverageArticle', { article: a.article }), value: a.coverage.percent, key: null });
  // PI-1.3: a separately scored framework (the legal framework pack) gets its own rows, never folded into the overall ones.
  for (const section of scores.sections) {
    const title = lib.framework({ id: section.framework, title: section.title });
    rows.push({ label: t('tables.summary.section', { title }), value: section.score, key: figureKey.section(section.framework) });
    rows.push({ label: t('tables.summary.sectionCoverage', { title }), value: section.coverage.percent, key: null });
  }
  return rows;
}

/** The flag-count rows of the Summary table; whole numbers, unlike the score rows. */
export function summaryFlagRows(source: Pick<FigureSource, 'flagCounts'>, language: string): SummaryFigureRow[] {
  const t = reportStrings(language);
  return SEVERITIES.map((s) => ({ label: t('tables.summary.flags', { severity: t(`tables.severity.${s}`) }), value: source.flagCounts[s], key: figureKey.flags(s) }));
}

/** The Criteria table's columns that the Word plan's criteria annex keeps: paragraph, criterion, applicable, final maturity, target. */
export const CRITERIA_MATURITY_COLUMNS = ['paragraph', 'title', 'applicable', 'final', 'target'] as const;

/** The Word plan's action-plan table: its columns are named from `tables.actionPlan`. */
export const DOCX_ACTION_PLAN_COLUMNS = ['number', 'severity', 'subject', 'finding', 'remedy', 'owner', 'due', 'status'] as const;
