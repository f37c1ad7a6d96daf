import type { PermitFlag } from './records.js';

/** Distinct flagged permits per month (YYYY-MM), oldest first: the data of the "flags per month" chart. */
export function flaggedPermitsPerMonth(flags: readonly PermitFlag[]): Array<{ month: string; permits: number }> {
  const months = new Map<string, Set<string>>();
  for (const f of flags) {
    if (!f.date) continue;
    const month = f.date.slice(0, 7);
    (months.get(month) ?? months.set(month, new Set()).get(month)!).add(`${f.source}|${f.permit}`);
  }
  return [...months.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, permits]) => ({ month, permits: permits.size }));
}
