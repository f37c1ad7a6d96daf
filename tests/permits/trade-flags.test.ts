import { describe, expect, it } from 'vitest';
import { appendixICommercialWildFlags } from '../../shared/permits/flags/appendix-i.js';
import { permitReuseFlags } from '../../shared/permits/flags/permit-reuse.js';
import { quotaOverrunFlags } from '../../shared/permits/flags/quota-overrun.js';
import { reportingMismatchFlags } from '../../shared/permits/flags/reporting-mismatch.js';
import { sourceShiftFlags, SOURCE_SHIFT_DEFAULTS } from '../../shared/permits/flags/source-shift.js';
import { normaliseQuantity } from '../../shared/permits/units.js';
import { trade } from './fixtures.js';

describe('permit re-use', () => {
  it('flags an export permit reported by the exporter in two years, once, at the later year', () => {
    const flags = permitReuseFlags([trade({ year: 2022 }), trade({ year: 2024 })]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'permit-reuse', permit: 'a1b2c3d4e5', date: '2024-12-31', details: { rule: 'years', years: '2022, 2024', reporter: 'E' } });
  });

  it('does not flag the normal lag of an importer reporting the next year', () => {
    expect(permitReuseFlags([trade({ year: 2023 }), trade({ year: 2024, reporter: 'I' })])).toEqual([]);
  });

  it('flags importer quantity above the exporter quantity by more than 5 % in the same unit, not at exactly 5 %', () => {
    const at5 = [trade({ quantity: 100 }), trade({ reporter: 'I', quantity: 105 })];
    const over = [trade({ quantity: 100 }), trade({ reporter: 'I', quantity: 105.5 })];
    expect(permitReuseFlags(at5)).toEqual([]);
    expect(permitReuseFlags(over)[0]!.details).toMatchObject({ rule: 'quantity', exporterQuantity: 100, importerQuantity: 105.5 });
    // A stricter tolerance is a parameter.
    expect(permitReuseFlags(at5, { quantityTolerance: 0.01 })).toHaveLength(1);
    // Different units are never compared.
    expect(permitReuseFlags([trade({ quantity: 1, unit: 'kg' }), trade({ reporter: 'I', quantity: 500 })])).toEqual([]);
  });

  it('ignores lines without an export permit', () => {
    expect(permitReuseFlags([trade({ exportPermit: '', year: 2020 }), trade({ exportPermit: '', year: 2021 })])).toEqual([]);
  });
});

describe('reporting mismatch', () => {
  it('flags each field the two sides disagree on', () => {
    const flags = reportingMismatchFlags([trade({ term: 'skins', source: 'W' }), trade({ reporter: 'I', term: 'leather', source: 'C' })]);
    expect(flags.map((f) => f.details.rule)).toEqual(['term', 'source']);
    expect(flags[0]!.details).toMatchObject({ exporterReported: 'skins', importerReported: 'leather' });
  });

  it('flags a quantity difference beyond the tolerance of the larger, either way', () => {
    expect(reportingMismatchFlags([trade({ quantity: 100 }), trade({ reporter: 'I', quantity: 90 })])[0]!.details.rule).toBe('quantity');
    expect(reportingMismatchFlags([trade({ quantity: 100 }), trade({ reporter: 'I', quantity: 96 })])).toEqual([]);
  });

  it('does not compare a permit reported by one side only', () => {
    expect(reportingMismatchFlags([trade({ term: 'skins' }), trade({ term: 'leather' })])).toEqual([]);
  });
});

describe('source-code shift', () => {
  const year = (y: number, captive: number, wild: number, exporter = 'GH') => [
    ...Array.from({ length: captive }, (_, i) => trade({ year: y, source: 'C', exporter, exportPermit: `${exporter}${y}c${i}` })),
    ...Array.from({ length: wild }, (_, i) => trade({ year: y, source: 'W', exporter, exportPermit: `${exporter}${y}w${i}` })),
  ];

  it('flags the captive lines of the year the captive share rose by 30 points within 3 years', () => {
    // 2020: 10 % captive; 2023: 40 % captive (30 points more), wild falls from 90 % to 60 %.
    const flags = sourceShiftFlags([...year(2020, 1, 9), ...year(2023, 4, 6)]);
    expect(flags).toHaveLength(4);
    expect(flags.every((f) => f.date === '2023-12-31' && f.details.fromYear === 2020 && f.details.captiveShareTo === 40)).toBe(true);
  });

  it('does not flag a rise under 30 points, over more than 3 years, or with too few lines', () => {
    expect(sourceShiftFlags([...year(2020, 1, 9), ...year(2023, 3, 7)])).toEqual([]);
    expect(sourceShiftFlags([...year(2019, 1, 9), ...year(2023, 4, 6)])).toEqual([]);
    expect(sourceShiftFlags([...year(2020, 0, 5), ...year(2021, 5, 0)])).toEqual([]);
    expect(sourceShiftFlags([...year(2020, 0, 5), ...year(2021, 5, 0)], { ...SOURCE_SHIFT_DEFAULTS, minLinesPerYear: 5 })).toHaveLength(5);
  });

  it('compares each exporter with itself only', () => {
    expect(sourceShiftFlags([...year(2020, 1, 9, 'GH'), ...year(2021, 10, 0, 'TG')])).toEqual([]);
  });
});

describe('quota overrun', () => {
  const quota = { year: 2024, country: 'GH', taxon: 'Python regius', term: 'live', unit: '', quota: 25 };

  it('flags every exporter-reported line of a group above its quota', () => {
    const lines = [trade({ quantity: 10, exportPermit: 'p1' }), trade({ quantity: 16, exportPermit: 'p2' }), trade({ reporter: 'I', quantity: 99 })];
    const flags = quotaOverrunFlags(lines, [quota]);
    expect(flags.map((f) => f.permit)).toEqual(['p1', 'p2']);
    expect(flags[0]!.details).toMatchObject({ quota: 25, reported: 26 });
  });

  it('does not flag a group at the quota, of another year, or in another unit', () => {
    expect(quotaOverrunFlags([trade({ quantity: 25 })], [quota])).toEqual([]);
    expect(quotaOverrunFlags([trade({ quantity: 99, year: 2023 })], [quota])).toEqual([]);
    expect(quotaOverrunFlags([trade({ quantity: 99, unit: 'kg' })], [quota])).toEqual([]);
  });
});

describe('Appendix I commercial wild', () => {
  it('flags only Appendix I, purpose T, source W together', () => {
    const lines = [trade({ appendix: 'I' }), trade({ appendix: 'I', source: 'C' }), trade({ appendix: 'I', purpose: 'S' }), trade({ appendix: 'II' })];
    expect(appendixICommercialWildFlags(lines).map((f) => f.details.line)).toEqual([lines[0]!.id]);
  });
});

describe('unit normalisation', () => {
  it('converts known units to their base and keeps unknown ones as written', () => {
    expect(normaliseQuantity(1500, 'g')).toEqual({ quantity: 1.5, unit: 'kg', known: true });
    expect(normaliseQuantity(2, 'T')).toEqual({ quantity: 2000, unit: 'kg', known: true });
    expect(normaliseQuantity(5, '')).toEqual({ quantity: 5, unit: '', known: true });
    expect(normaliseQuantity(3, 'Bags')).toEqual({ quantity: 3, unit: 'bags', known: false });
  });
});
