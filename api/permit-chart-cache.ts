import { tradeExporters, tradeSourceCounts } from '../db/permits/charts.js';
import type { Register } from '../db/register.js';
import type { SourceCount } from '../shared/permits/charts.js';
import { registerStamp } from './scoring-cache.js';

/** Answers kept per register; the oldest goes first (a user tries a few exporters and taxa, not hundreds). */
const KEPT = 32;
const caches = new WeakMap<Register, Map<string, { stamp: string; value: unknown }>>();

/**
 * Each source-share answer scans every trade line of the authority (about a
 * second per million lines). Showing people, a new analysis run or going back
 * to a filter tried before asks for the same counts again: they are kept
 * until anything is written to the register (registerStamp), so they can
 * never outlive the lines they were counted from.
 */
function remembered<T>(register: Register, key: string, compute: () => T): T {
  let cache = caches.get(register);
  if (!cache) caches.set(register, (cache = new Map()));
  const stamp = registerStamp(register);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  cache.delete(key);
  cache.set(key, { stamp, value });
  if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return value;
}

export function cachedSourceCounts(register: Register, authorityId: number, filter: { exporter?: string | undefined; taxon?: string | undefined }): SourceCount[] {
  const key = JSON.stringify(['counts', authorityId, filter.exporter ?? '', filter.taxon?.toLowerCase() ?? '']);
  return remembered(register, key, () => tradeSourceCounts(register, authorityId, filter));
}

export function cachedExporters(register: Register, authorityId: number): string[] {
  return remembered(register, JSON.stringify(['exporters', authorityId]), () => tradeExporters(register, authorityId));
}
