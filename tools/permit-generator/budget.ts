import { PERMIT_FLAG_MAPPING } from '../../shared/permits/mapping.js';
import { PERMIT_FLAG_KINDS, tradePermitKey, type PermitFlag, type PermitFlagKind, type RegisterPermit, type TradeRecord } from '../../shared/permits/records.js';

/**
 * The false-positive budget per kind: the largest share of distinct permits
 * (of the kind's data source) a rule may flag on clean generated data.
 * docs/permits.md explains each figure.
 */
export const FALSE_POSITIVE_BUDGET: Readonly<Record<PermitFlagKind, number>> = {
  'permit-reuse': 0,
  'reporting-mismatch': 0,
  'source-shift': 0,
  'quota-overrun': 0,
  'appendix-i-commercial-wild': 0,
  'officer-concentration': 0.001,
  'out-of-hours': 0,
  'processing-time': 0.055,
  'endorsement-problem': 0,
  'dead-permit-used': 0,
  'number-series': 0,
  'export-validity': 0,
  structuring: 0.001,
};

/** Distinct flagged permits per kind over the distinct permits of the kind's source. */
export function flagRates(flags: readonly PermitFlag[], data: { trade: readonly TradeRecord[]; register: readonly RegisterPermit[] }): Record<PermitFlagKind, number> {
  const permits = { trade: new Set(data.trade.map(tradePermitKey)).size, register: new Set(data.register.map((p) => p.number)).size };
  const flagged = new Map<PermitFlagKind, Set<string>>(PERMIT_FLAG_KINDS.map((k) => [k, new Set()]));
  for (const f of flags) flagged.get(f.kind)!.add(f.permit);
  return Object.fromEntries(PERMIT_FLAG_KINDS.map((k) => [k, flagged.get(k)!.size / Math.max(1, permits[PERMIT_FLAG_MAPPING[k].source])])) as Record<PermitFlagKind, number>;
}
