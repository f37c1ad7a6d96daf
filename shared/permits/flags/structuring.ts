import type { PermitFlag, RegisterPermit } from '../records.js';
import { DAY_MS, groupBy, wallClockMs } from './common.js';
import { registerFlag } from './register-common.js';

export interface StructuringParams {
  /** The quantity per permit above which a permit needs a higher approval. Default 100. */
  threshold: number;
  /** "Just under" means within this share below the threshold. Default 0.1 (90 to 99.99). */
  margin: number;
  /** Length of the window, in days. Default 30. */
  windowDays: number;
  /** Permits just under the threshold within one window that make a flag. Default 5. */
  minPermits: number;
}

export const STRUCTURING_DEFAULTS: StructuringParams = { threshold: 100, margin: 0.1, windowDays: 30, minPermits: 5 };

/**
 * Structuring: many permits to one applicant for one taxon and unit within a
 * short window, each just under the approval threshold. Every permit of such
 * a window is flagged.
 */
export function structuringFlags(permits: readonly RegisterPermit[], params: StructuringParams = STRUCTURING_DEFAULTS): PermitFlag[] {
  const low = params.threshold * (1 - params.margin);
  const near = permits.flatMap((p) => {
    const at = p.issuedAt ?? p.receivedAt;
    const ms = at ? wallClockMs(at) : null;
    return p.applicant && p.quantity !== null && p.quantity >= low && p.quantity < params.threshold && ms !== null ? [{ p, ms }] : [];
  });
  const flags: PermitFlag[] = [];
  for (const group of groupBy(near, (x) => `${x.p.applicant}\u0000${x.p.taxon}\u0000${x.p.unit}`).values()) {
    group.sort((a, b) => a.ms - b.ms);
    const marked = new Set<number>();
    let start = 0;
    for (let end = 0; end < group.length; end += 1) {
      while (group[end]!.ms - group[start]!.ms > params.windowDays * DAY_MS) start += 1;
      if (end - start + 1 >= params.minPermits) for (let i = start; i <= end; i += 1) marked.add(i);
    }
    for (const i of [...marked].sort((a, b) => a - b)) {
      const { p } = group[i]!;
      flags.push(registerFlag('structuring', p, { applicant: p.applicant, quantity: p.quantity ?? 0, threshold: params.threshold, windowDays: params.windowDays }));
    }
  }
  return flags;
}
