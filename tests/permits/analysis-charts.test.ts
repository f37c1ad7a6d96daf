import { describe, expect, it } from 'vitest';
import { flaggedPermitsPerMonth, officerConcentration, sourceShares } from '../../shared/permits/charts.js';
import { officerHhi } from '../../shared/permits/flags/officer-concentration.js';
import { permit, series } from './fixtures.js';

describe('officer-concentration chart data', () => {
  // Officer A: 8 permits, 6 for X and 2 for Y -> shares 75 % and 25 % -> HHI 75² + 25² = 6,250.
  // Officer B: 2 permits, one each for Z and W -> HHI 50² + 50² = 5,000. 10 permits in all.
  const permits = [
    ...series(6, () => ({ officer: 'A', applicant: 'X' })),
    ...series(2, () => ({ officer: 'A', applicant: 'Y' })),
    permit({ officer: 'B', applicant: 'Z' }),
    permit({ officer: 'B', applicant: 'W' }),
    // Without an officer a permit counts for no one (as in the HHI).
    permit({ officer: '', applicant: 'W' }),
  ];

  it('gives each officer a share of all permits and the HHI, highest HHI first', () => {
    expect(officerConcentration(officerHhi(permits), true)).toEqual([
      { rank: 1, officer: 'A', permits: 8, sharePercent: 80, applicants: 2, hhi: 6250 },
      { rank: 2, officer: 'B', permits: 2, sharePercent: 20, applicants: 2, hhi: 5000 },
    ]);
  });

  it('names no officer when people are hidden: the rank is the only label', () => {
    const rows = officerConcentration(officerHhi(permits), false);
    expect(rows.map((r) => [r.rank, r.officer, r.sharePercent, r.hhi])).toEqual([
      [1, null, 80, 6250],
      [2, null, 20, 5000],
    ]);
  });

  it('rounds shares to one decimal and copes with no permits', () => {
    const thirds = officerConcentration(
      [
        { officer: 'a', permits: 1, applicants: 1, hhi: 10000 },
        { officer: 'b', permits: 2, applicants: 1, hhi: 10000 },
      ],
      true,
    );
    expect(thirds.map((r) => r.sharePercent)).toEqual([33.3, 66.7]);
    expect(officerConcentration([], true)).toEqual([]);
  });
});

describe('source shares over the years', () => {
  const counts = [
    { year: 2021, source: 'W', lines: 3 },
    { year: 2021, source: 'R', lines: 3 },
    { year: 2021, source: 'A', lines: 3 },
    { year: 2021, source: '', lines: 1 },
    { year: 2020, source: 'W', lines: 8 },
    { year: 2020, source: 'C', lines: 2 },
    { year: 2019, source: 'W', lines: 1 },
    { year: 2019, source: 'D', lines: 1 },
    { year: 2019, source: 'I', lines: 1 },
  ];

  it('splits each year into wild, captive or ranched, and other, oldest year first', () => {
    expect(sourceShares(counts, ['C', 'D', 'F', 'R'])).toEqual([
      { year: 2019, lines: 3, counts: { wild: 1, captive: 1, other: 1 }, shares: { wild: 33.3, captive: 33.3, other: 33.3 } },
      { year: 2020, lines: 10, counts: { wild: 8, captive: 2, other: 0 }, shares: { wild: 80, captive: 20, other: 0 } },
      // Artificially propagated (A) and unknown sources are neither wild nor captive.
      { year: 2021, lines: 10, counts: { wild: 3, captive: 3, other: 4 }, shares: { wild: 30, captive: 30, other: 40 } },
    ]);
  });

  it('follows the captive sources it is given', () => {
    const onlyC = sourceShares(counts, ['C']);
    expect(onlyC.find((y) => y.year === 2021)!.counts).toEqual({ wild: 3, captive: 0, other: 7 });
    expect(onlyC.find((y) => y.year === 2019)!.counts).toEqual({ wild: 1, captive: 0, other: 2 });
  });

  it('has no year without lines', () => {
    expect(sourceShares([], ['C'])).toEqual([]);
  });
});

describe('flagged permits per month', () => {
  it('counts each permit once per month, whatever the number of its flags', () => {
    const flag = (permit: string, date: string, source: 'trade' | 'register' = 'register') => ({ kind: 'out-of-hours' as const, source, permit, date, taxon: '', officer: null, applicant: null, details: {} });
    expect(flaggedPermitsPerMonth([flag('a', '2025-02-03'), flag('a', '2025-02-20'), flag('a', '2025-01-31', 'trade'), flag('b', '2025-02-01'), flag('c', '')])).toEqual([
      { month: '2025-01', permits: 1 },
      { month: '2025-02', permits: 2 },
    ]);
  });
});
