import type { PermitFlag, TradeRecord } from '../records.js';
import { tradeDate, tradePermitKey } from '../records.js';

/** Groups items by a string key, keeping input order inside each group. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A flag on a trade line, under its export permit. */
export function tradeFlag(kind: PermitFlag['kind'], record: TradeRecord, details: PermitFlag['details']): PermitFlag {
  return { kind, source: 'trade', permit: tradePermitKey(record), date: tradeDate(record.year), taxon: record.taxon, officer: null, applicant: null, details };
}

/** Sums quantities by unit; lines without a quantity count for nothing. */
export function sumByUnit(records: readonly TradeRecord[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of records) if (r.quantity !== null) sums.set(r.unit, (sums.get(r.unit) ?? 0) + r.quantity);
  return sums;
}

/** Parses an ISO date-time's wall clock, ignoring any offset; null when unreadable. */
export function wallClockMs(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** Milliseconds since the epoch of an ISO date-time; without an offset it is read as UTC. */
export function instantMs(value: string): number | null {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return wallClockMs(value);
}

export const DAY_MS = 86_400_000;
