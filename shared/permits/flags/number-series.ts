import type { PermitFlag, RegisterPermit } from '../records.js';
import { groupBy } from './common.js';
import { registerFlag } from './register-common.js';

const SERIES = /^(.*?)(\d+)$/;

/**
 * Number gaps and duplicates in permit series. A series is every number with
 * the same text before its final digits (EX-2025-0001, EX-2025-0002, ...).
 * A number used twice flags each permit carrying it; a run of missing numbers
 * flags the permit right after it. Numbers without final digits are no series.
 */
export function numberSeriesFlags(permits: readonly RegisterPermit[]): PermitFlag[] {
  const flags: PermitFlag[] = [];
  const numbered = permits.flatMap((p) => {
    const m = SERIES.exec(p.number);
    return m ? [{ p, prefix: m[1]!, n: Number(m[2]) }] : [];
  });
  for (const [prefix, series] of groupBy(numbered, (x) => x.prefix)) {
    const byNumber = groupBy(series, (x) => String(x.n));
    for (const same of byNumber.values()) {
      if (same.length > 1) for (const { p } of same) flags.push(registerFlag('number-series', p, { rule: 'duplicate', series: prefix, copies: same.length }));
    }
    const sorted = [...byNumber.values()].map((same) => same[0]!).sort((a, b) => a.n - b.n);
    for (let i = 1; i < sorted.length; i += 1) {
      const missing = sorted[i]!.n - sorted[i - 1]!.n - 1;
      if (missing > 0) flags.push(registerFlag('number-series', sorted[i]!.p, { rule: 'gap', series: prefix, missing, after: sorted[i - 1]!.p.number }));
    }
  }
  return flags;
}
