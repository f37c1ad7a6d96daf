import type { PermitFlag, TradeRecord } from '../records.js';
import { tradeFlag } from './common.js';

/** Appendix I specimens traded for commercial purposes (T) from the wild (W): Article III forbids it. */
export function appendixICommercialWildFlags(records: readonly TradeRecord[]): PermitFlag[] {
  return records
    .filter((r) => r.appendix === 'I' && r.purpose === 'T' && r.source === 'W')
    .map((r) => tradeFlag('appendix-i-commercial-wild', r, { appendix: 'I', purpose: 'T', source: 'W', line: r.id }));
}
