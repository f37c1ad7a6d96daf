import type { ControlListItem } from '../api/results.js';
import type { EvidenceState } from '../methodology/control-status.js';

/** The evidence states in the order a reader wants them: the gaps first. */
export const EVIDENCE_STATES: readonly EvidenceState[] = ['missing', 'unsupported', 'stale', 'current', 'not-required'];

export const CONTROL_SORT_COLUMNS = ['title', 'family', 'owner', 'maturity', 'effective', 'lastReviewed', 'evidenceState', 'review', 'evidenceCount', 'stages'] as const;
export type ControlSortColumn = (typeof CONTROL_SORT_COLUMNS)[number];

export interface ControlFilters {
  family: string;
  stage: string;
  maturity: string;
  review: '' | 'overdue' | 'current';
  evidence: '' | EvidenceState;
  search: string;
}

export const NO_CONTROL_FILTERS: ControlFilters = { family: '', stage: '', maturity: '', review: '', evidence: '', search: '' };

export interface ControlQuery {
  filters: ControlFilters;
  sort: { column: ControlSortColumn; descending: boolean } | null;
}

/** What the query needs from the library, in the reader's language. */
export interface ControlQueryContext {
  locale: string;
  familyName(id: string): string;
  /** A family's default stages, for controls that do not list their own. */
  familyStages(id: string): readonly string[];
}

/** A control's stages: its own list, or when it has none of its own (null) its family's defaults. */
export function stagesOf(control: Pick<ControlListItem, 'stages' | 'family'>, context: Pick<ControlQueryContext, 'familyStages'>): readonly string[] {
  return control.stages ?? context.familyStages(control.family);
}

/** Lower-case, without accents, so "critere" finds "critère". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/**
 * The register's rows as the table shows them: filtered, searched (title,
 * owner, description and the family's name in the reader's language) and
 * sorted. Titles sort naturally ("Control 3" before "Control 25"). Without a
 * sort, the register's own order (family, title) is kept. Pure, so the server
 * can window the result and every page agrees with the next.
 */
export function queryControls(items: readonly ControlListItem[], query: ControlQuery, context: ControlQueryContext): ControlListItem[] {
  const f = query.filters;
  const needle = foldForSearch(f.search.trim());
  const matching = items.filter(
    (c) =>
      (!f.family || c.family === f.family) &&
      (!f.stage || stagesOf(c, context).includes(f.stage)) &&
      (!f.maturity || String(c.maturity) === f.maturity) &&
      (!f.review || c.status.reviewOverdue === (f.review === 'overdue')) &&
      (!f.evidence || c.status.evidenceState === f.evidence) &&
      (!needle || foldForSearch(`${c.title}\n${c.owner}\n${c.description}\n${context.familyName(c.family)}`).includes(needle)),
  );
  if (!query.sort) return matching;
  const collator = new Intl.Collator(context.locale, { sensitivity: 'base', numeric: true });
  const compare = comparator(query.sort.column, collator, context);
  const direction = query.sort.descending ? -1 : 1;
  // Ties keep the register's order, whichever the direction.
  const indexed = matching.map((c, i) => [c, i] as const);
  indexed.sort((a, b) => direction * compare(a[0], b[0]) || a[1] - b[1]);
  return indexed.map(([c]) => c);
}

function comparator(column: ControlSortColumn, collator: Intl.Collator, context: ControlQueryContext): (a: ControlListItem, b: ControlListItem) => number {
  const text = (get: (c: ControlListItem) => string) => (a: ControlListItem, b: ControlListItem) => collator.compare(get(a), get(b));
  const number = (get: (c: ControlListItem) => number) => (a: ControlListItem, b: ControlListItem) => get(a) - get(b);
  switch (column) {
    case 'title':
      return text((c) => c.title);
    case 'family': {
      const names = new Map<string, string>();
      return text((c) => names.get(c.family) ?? (names.set(c.family, context.familyName(c.family)), names.get(c.family)!));
    }
    case 'owner':
      return text((c) => c.owner);
    case 'maturity':
      return number((c) => c.maturity);
    case 'effective':
      return number((c) => c.status.effective);
    case 'lastReviewed':
      // ISO dates compare as text; never reviewed sorts first.
      return (a, b) => ((a.lastReviewed ?? '') < (b.lastReviewed ?? '') ? -1 : (a.lastReviewed ?? '') > (b.lastReviewed ?? '') ? 1 : 0);
    case 'evidenceState':
      return number((c) => EVIDENCE_STATES.indexOf(c.status.evidenceState));
    case 'review':
      return number((c) => (c.status.reviewOverdue ? 0 : 1));
    case 'evidenceCount':
      return number((c) => c.evidenceCount);
    case 'stages':
      return number((c) => stagesOf(c, context).length);
  }
}
