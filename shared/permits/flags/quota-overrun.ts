import type { PermitFlag, QuotaRow, TradeRecord } from '../records.js';
import { groupBy, tradeFlag } from './common.js';

const key = (year: number, country: string, taxon: string, term: string, unit: string) => [year, country, taxon, term, unit].join('\u0000');

/**
 * Quota overrun: the exporter-reported quantity per exporter, taxon, term,
 * unit and year is above that year's export quota. Every line of an
 * over-quota group is flagged: the Trade Database gives no order inside a
 * year, so no line can be singled out as the one that crossed the quota.
 * Quotas and lines are compared only in the same (normalised) unit.
 */
export function quotaOverrunFlags(records: readonly TradeRecord[], quotas: readonly QuotaRow[]): PermitFlag[] {
  const byKey = new Map(quotas.map((q) => [key(q.year, q.country, q.taxon, q.term, q.unit), q.quota]));
  const flags: PermitFlag[] = [];
  const exported = records.filter((r) => r.reporter === 'E' && r.quantity !== null);
  for (const [k, lines] of groupBy(exported, (r) => key(r.year, r.exporter, r.taxon, r.term, r.unit))) {
    const quota = byKey.get(k);
    if (quota === undefined) continue;
    const reported = lines.reduce((sum, r) => sum + (r.quantity ?? 0), 0);
    if (reported <= quota) continue;
    for (const line of lines) flags.push(tradeFlag('quota-overrun', line, { exporter: line.exporter, year: line.year, quota, reported: Number(reported.toPrecision(12)), unit: line.unit }));
  }
  return flags;
}
