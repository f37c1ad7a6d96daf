import { describe, expect, it } from 'vitest';
import { analysePermits } from '../../shared/permits/analyse.js';
import { PERMIT_FLAG_KINDS, type PermitFlag } from '../../shared/permits/records.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { FALSE_POSITIVE_BUDGET, flagRates } from '../../tools/permit-generator/budget.js';

const SIZE = { tradeRows: 30_000, registerRows: 20_000 };

describe('generated permit data (30,000 trade lines, 20,000 register permits)', () => {
  const dirty = generatePermitData({ seed: 11, ...SIZE, anomalies: true });
  const flags = analysePermits(dirty);

  it('plants every kind of anomaly', () => {
    expect(new Set(dirty.planted.map((p) => p.kind))).toEqual(new Set(PERMIT_FLAG_KINDS));
  });

  it('finds every planted anomaly (100 % recall)', () => {
    const found = new Set(flags.map((f: PermitFlag) => `${f.kind}|${f.permit}`));
    const missed = dirty.planted.filter((p) => !found.has(`${p.kind}|${p.permit}`));
    expect(missed).toEqual([]);
  });

  it('is the same for the same seed and differs for another', () => {
    const again = generatePermitData({ seed: 11, tradeRows: 2_000, registerRows: 1_000, anomalies: true });
    const same = generatePermitData({ seed: 11, tradeRows: 2_000, registerRows: 1_000, anomalies: true });
    const other = generatePermitData({ seed: 12, tradeRows: 2_000, registerRows: 1_000, anomalies: true });
    expect(same).toEqual(again);
    expect(other.planted).not.toEqual(again.planted);
  });

  it('keeps the flag rate of clean data within each kind’s false-positive budget', () => {
    const clean = generatePermitData({ seed: 11, ...SIZE, anomalies: false });
    expect(clean.planted).toEqual([]);
    const rates = flagRates(analysePermits(clean), clean);
    for (const kind of PERMIT_FLAG_KINDS) expect(rates[kind], kind).toBeLessThanOrEqual(FALSE_POSITIVE_BUDGET[kind]);
    // The slow side of processing time flags about 5 % by construction (the 95th percentile).
    expect(rates['processing-time']).toBeGreaterThan(0.03);
  });
});
