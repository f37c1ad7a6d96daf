import { MATURITY_LEVELS } from '../domain/vocabulary.js';
import type { ReportFormat } from './formats.js';

/**
 * How a report lists its long annexes (controls, evidence, the action plan,
 * the quality points, each criterion's controls and evidence).
 *
 * - `summary`: the document formats (HTML, PDF, the in-app preview) show the
 *   first rows of a long list and say how many there are in all, so that a
 *   10,000-control register still prints in a few hundred pages and its
 *   preview stays light. The figures (counts, distributions) are always whole.
 * - `complete`: the table formats (XLSX, CSV) and the DOCX action plan list
 *   every row: they are where an auditor reads the full register.
 */
export type ReportDetail = 'summary' | 'complete';

/**
 * The first rows a document lists of each annex. Chosen so that the
 * summarised annexes of a 10,000-control register fit in about a dozen
 * A4 pages each, while a register of ordinary size (the demo has 16
 * controls, a national authority 40 to 150) is never cut at all.
 */
export const ANNEX_ROWS = 100;
/** Each criterion's own list of controls and of evidence is cut sooner: there are many criteria. */
export const CRITERION_ROWS = 20;
/** Quality points shown per kind; the count of each kind is always whole. */
export const QUALITY_ROWS_PER_KIND = 20;

/** A long list: the rows the report shows and how many there are in all. */
export interface Listing<T> {
  total: number;
  rows: T[];
}

/**
 * Every row when complete, else the first `limit`; `total` is always the whole count.
 * `rows` may be a generator, so a cut list never builds the rows it leaves out.
 */
export function listing<T>(rows: readonly T[], detail: ReportDetail, limit: number): Listing<T> {
  return { total: rows.length, rows: detail === 'complete' || rows.length <= limit ? [...rows] : rows.slice(0, limit) };
}

/** The same for a list known by its length and produced row by row. */
export function lazyListing<T>(total: number, rows: Iterable<T>, detail: ReportDetail, limit: number): Listing<T> {
  const max = detail === 'complete' ? total : Math.min(total, limit);
  const shown: T[] = [];
  for (const row of rows) {
    if (shown.length >= max) break;
    shown.push(row);
  }
  return { total, rows: shown };
}

/** True when the listing shows fewer rows than there are, so the document must say so. */
export function isCut(list: Listing<unknown>): boolean {
  return list.rows.length < list.total;
}

/** One control family's figures: how many controls, how mature (stated and effective), how supported. */
export interface FamilyFigures {
  family: string;
  controls: number;
  /** Controls at each stated maturity 0..4, as the authority rated them. */
  stated: number[];
  /** Controls at each effective maturity 0..4, after PI-1's evidence rule. */
  effective: number[];
  /** Controls rated 3 or 4 without valid evidence. */
  unsupported: number;
  evidence: number;
  validEvidence: number;
}

interface FamilyInput {
  family: string;
  stated: number;
  effective: number;
  unsupported: boolean;
  evidence: ReadonlyArray<{ valid: boolean }>;
}

/**
 * Controls summed by family, in the order of `familyOrder` (the library's),
 * then any family the library no longer has, by id. Pure counting of values
 * PI-1 already gave each control; nothing is scored here.
 */
export function familyFigures(controls: readonly FamilyInput[], familyOrder: readonly string[]): FamilyFigures[] {
  const byFamily = new Map<string, FamilyFigures>();
  const levels = () => MATURITY_LEVELS.map(() => 0);
  for (const control of controls) {
    let figures = byFamily.get(control.family);
    if (!figures) {
      figures = { family: control.family, controls: 0, stated: levels(), effective: levels(), unsupported: 0, evidence: 0, validEvidence: 0 };
      byFamily.set(control.family, figures);
    }
    figures.controls += 1;
    figures.stated[control.stated] = (figures.stated[control.stated] ?? 0) + 1;
    figures.effective[control.effective] = (figures.effective[control.effective] ?? 0) + 1;
    if (control.unsupported) figures.unsupported += 1;
    figures.evidence += control.evidence.length;
    figures.validEvidence += control.evidence.filter((e) => e.valid).length;
  }
  const rank = new Map(familyOrder.map((id, i) => [id, i]));
  return [...byFamily.values()].sort((a, b) => (rank.get(a.family) ?? Infinity) - (rank.get(b.family) ?? Infinity) || a.family.localeCompare(b.family));
}

/** Documents are summarised; the table formats and the editable action plan are complete. */
export const REPORT_DETAIL: Record<ReportFormat, ReportDetail> = { html: 'summary', pdf: 'summary', xlsx: 'complete', csv: 'complete', docx: 'complete' };
