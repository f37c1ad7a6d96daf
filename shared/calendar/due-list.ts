import { addMonths, isIsoDate, type IsoDate } from '../domain/dates.js';
import { REVIEW_INTERVAL_MONTHS } from '../methodology/evidence.js';
import { isActive, type ActionStatus } from '../actions/actions.js';

/**
 * What falls due for one authority, computed from the date passed in (the
 * as-of date or today), never from the machine clock: reviews overdue or due
 * within the horizon, evidence expiring within it, open actions due, and the
 * next re-assessment date.
 */
export const DUE_HORIZON_DAYS = 60;

export const DUE_KINDS = ['review', 'evidence-expiry', 'action', 'reassessment'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  kind: DueKind;
  /** Stable across runs, so a calendar that imports the .ics again updates instead of duplicating. */
  key: string;
  /** null: a control never reviewed, due at once. */
  due: IsoDate | null;
  overdue: boolean;
  /** Days from the reference date to the due date (negative when overdue); null when there is no date. */
  days: number | null;
  /** What is due, in the register's own words (a control, evidence or action title). */
  title: string;
  /** The control an evidence item belongs to, or the owner of an action. */
  detail: string;
}

export interface DueSources {
  controls: ReadonlyArray<{ uid: string; title: string; lastReviewed: IsoDate | null; evidence: ReadonlyArray<{ uid: string; title: string; expiry: IsoDate | null }> }>;
  actions: ReadonlyArray<{ uid: string; title: string; owner: string; due: IsoDate | null; status: ActionStatus; carriedTo: string | null }>;
  nextReassessment: IsoDate | null;
}

const DAY_MS = 86_400_000;

function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** When a control's next review falls due under PI-1 §5: 12 months after the last one; never reviewed is due now. */
export function reviewDue(lastReviewed: IsoDate | null): IsoDate | null {
  return lastReviewed === null ? null : addMonths(lastReviewed, REVIEW_INTERVAL_MONTHS);
}

let collator: Intl.Collator | undefined;

/**
 * What localeCompare without arguments does (the spec defines it as a default
 * Intl.Collator), with the collator made once rather than per comparison:
 * sorting a due list of thousands of items otherwise takes most of a second.
 */
function compareText(a: string, b: string): number {
  return (collator ??= new Intl.Collator()).compare(a, b);
}

export function dueList(sources: DueSources, today: IsoDate, horizonDays = DUE_HORIZON_DAYS): DueItem[] {
  if (!isIsoDate(today)) throw new Error(`today: "${today}" is not a date written YYYY-MM-DD`);
  const items: DueItem[] = [];
  const add = (kind: DueKind, key: string, due: IsoDate | null, title: string, detail: string, includePast: boolean) => {
    const days = due === null ? null : daysBetween(today, due);
    if (days !== null && days > horizonDays) return;
    if (days !== null && days < 0 && !includePast) return;
    items.push({ kind, key, due, overdue: days === null || days < 0, days, title, detail });
  };
  for (const control of sources.controls) {
    add('review', `review/${control.uid}`, reviewDue(control.lastReviewed), control.title, '', true);
    // Expired evidence is already a flag; the calendar warns of what is about to expire.
    for (const e of control.evidence) if (e.expiry !== null) add('evidence-expiry', `evidence/${e.uid}`, e.expiry, e.title, control.title, false);
  }
  for (const action of sources.actions) {
    if (!isActive(action.status) || action.carriedTo !== null || action.due === null) continue;
    add('action', `action/${action.uid}`, action.due, action.title, action.owner, true);
  }
  if (sources.nextReassessment !== null) add('reassessment', 'reassessment', sources.nextReassessment, '', '', true);
  // Undated (never reviewed) first, then by date, then by kind and title for a stable order.
  return items.sort(
    (a, b) =>
      (a.due === null ? -1 : 0) - (b.due === null ? -1 : 0) ||
      compareText(a.due ?? '', b.due ?? '') ||
      DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind) ||
      compareText(a.title, b.title),
  );
}
