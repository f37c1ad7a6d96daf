import { addMonths, type IsoDate } from '../domain/dates.js';
import type { Maturity } from '../domain/vocabulary.js';
import type { SnapshotControl, SnapshotEvidence } from '../snapshot/schema.js';

/** PI-1 §2: evidence counts for 24 months; §5: reviews are due every 12 months. */
export const EVIDENCE_VALIDITY_MONTHS = 24;
export const REVIEW_INTERVAL_MONTHS = 12;
/** The lowest stated maturity that needs evidence to count. */
export const EVIDENCE_REQUIRED_FROM: Maturity = 3;
/** What a claim of 3 or 4 falls back to without valid evidence. */
export const UNSUPPORTED_FALLBACK: Maturity = 2;

const lastCutoff = new Map<number, { asOf: IsoDate; date: IsoDate }>();

/**
 * `asOf` moved back by whole months. Scoring asks it for every control and
 * evidence item with the same as-of date, so the last answer per interval is kept.
 */
function monthsBefore(asOf: IsoDate, months: number): IsoDate {
  const last = lastCutoff.get(months);
  if (last !== undefined && last.asOf === asOf) return last.date;
  const date = addMonths(asOf, -months);
  lastCutoff.set(months, { asOf, date });
  return date;
}

/**
 * Evidence supports a claim at the as-of date when it is dated within the 24
 * months up to and including that date and has not expired before it. Evidence
 * dated after the as-of date did not exist yet, so it never counts.
 */
export function isEvidenceValid(evidence: SnapshotEvidence, asOf: IsoDate): boolean {
  const earliest = monthsBefore(asOf, EVIDENCE_VALIDITY_MONTHS);
  const dated = evidence.date >= earliest && evidence.date <= asOf;
  const unexpired = evidence.expiry === null || evidence.expiry >= asOf;
  return dated && unexpired;
}

export interface EffectiveControl {
  control: SnapshotControl;
  stated: Maturity;
  effective: Maturity;
  /** Rated 3 or 4 without valid evidence (PI-1 §2). */
  unsupported: boolean;
  validEvidence: string[];
}

/** PI-1 §2, the evidence rule: the maturity scoring actually uses. */
export function effectiveMaturity(control: SnapshotControl, asOf: IsoDate): EffectiveControl {
  const stated = control.maturity as Maturity;
  const validEvidence: string[] = [];
  for (const e of control.evidence) if (isEvidenceValid(e, asOf)) validEvidence.push(e.uid);
  const unsupported = stated >= EVIDENCE_REQUIRED_FROM && validEvidence.length === 0;
  return { control, stated, effective: unsupported ? UNSUPPORTED_FALLBACK : stated, unsupported, validEvidence };
}

/** Newest evidence date known at the as-of date, or null when there is none. */
export function newestEvidenceDate(control: SnapshotControl, asOf: IsoDate): IsoDate | null {
  let newest: IsoDate | null = null;
  for (const evidence of control.evidence) {
    if (evidence.date <= asOf && (newest === null || evidence.date > newest)) newest = evidence.date;
  }
  return newest;
}

/** PI-1 §5 stale-evidence: a control rated 2 whose newest evidence is over 24 months old, or absent. */
export function hasStaleEvidence(control: SnapshotControl, asOf: IsoDate): boolean {
  if (control.maturity !== 2) return false;
  const newest = newestEvidenceDate(control, asOf);
  return newest === null || newest < monthsBefore(asOf, EVIDENCE_VALIDITY_MONTHS);
}

/** PI-1 §5 overdue-review: never reviewed, or last reviewed over 12 months before the as-of date. */
export function isReviewOverdue(control: SnapshotControl, asOf: IsoDate): boolean {
  const reviewed = control.lastReviewed;
  if (reviewed === null || reviewed > asOf) return true;
  return reviewed < monthsBefore(asOf, REVIEW_INTERVAL_MONTHS);
}
