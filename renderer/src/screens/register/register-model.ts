import type { ControlListItem, LibraryInfo } from '../../../../shared/api/results.js';

export { EVIDENCE_STATES } from '../../../../shared/register/control-query.js';
export type { ControlFilters as RegisterFilters } from '../../../../shared/register/control-query.js';
import { NO_CONTROL_FILTERS, type ControlFilters } from '../../../../shared/register/control-query.js';

/** Which columns the reader can hide; the title always stays (it opens the control). */
export const HIDEABLE_COLUMNS = ['family', 'owner', 'maturity', 'effective', 'lastReviewed', 'evidenceState', 'review', 'evidenceCount', 'stages'] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number];

export type ReviewFilter = 'overdue' | 'current';

export const NO_FILTERS: ControlFilters = NO_CONTROL_FILTERS;

export function hasFilters(filters: ControlFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}

/** A control's stages: its own list, or when it has none of its own (null) its family's defaults. */
export function coveredStages(control: Pick<ControlListItem, 'stages' | 'family'>, library: LibraryInfo): string[] {
  return control.stages ?? library.families.find((f) => f.id === control.family)?.stages ?? [];
}

/** Same rule for risk types, for the detail view. */
export function coveredRiskTypes(control: Pick<ControlListItem, 'riskTypes' | 'family'>, library: LibraryInfo): string[] {
  return control.riskTypes ?? library.families.find((f) => f.id === control.family)?.riskTypes ?? [];
}

const COLUMNS_KEY = 'permit-integrity-register-columns';

/** Column visibility survives a reload; anything unreadable falls back to every column shown. */
export function storedVisibility(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([k, v]) => (HIDEABLE_COLUMNS as readonly string[]).includes(k) && typeof v === 'boolean'));
  } catch {
    return {};
  }
}

export function storeVisibility(visibility: Record<string, boolean>): void {
  localStorage.setItem(COLUMNS_KEY, JSON.stringify(visibility));
}
