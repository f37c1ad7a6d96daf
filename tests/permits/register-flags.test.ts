import { describe, expect, it } from 'vitest';
import { deadPermitFlags } from '../../shared/permits/flags/dead-permits.js';
import { endorsementFlags } from '../../shared/permits/flags/endorsement.js';
import { exportValidityFlags } from '../../shared/permits/flags/export-validity.js';
import { numberSeriesFlags } from '../../shared/permits/flags/number-series.js';
import { officerConcentrationFlags, officerHhi } from '../../shared/permits/flags/officer-concentration.js';
import { OUT_OF_HOURS_DEFAULTS, outOfHoursFlags } from '../../shared/permits/flags/out-of-hours.js';
import { percentileOf, processingTimeFlags } from '../../shared/permits/flags/processing-time.js';
import { structuringFlags } from '../../shared/permits/flags/structuring.js';
import { permit, series } from './fixtures.js';

describe('officer concentration', () => {
  it('flags the permits of an officer issuing at least 80 % of an applicant with 10 or more permits', () => {
    const permits = series(10, (i) => ({ officer: i < 8 ? 'off-A' : `off-${i}` }));
    const flags = officerConcentrationFlags(permits);
    expect(flags).toHaveLength(8);
    expect(flags[0]!.details).toMatchObject({ officer: 'off-A', applicant: 'app-1', permits: 8, applicantPermits: 10, sharePercent: 80 });
  });

  it('does not flag 70 %, nor an applicant with 9 permits all from one officer', () => {
    expect(officerConcentrationFlags(series(10, (i) => ({ officer: i < 7 ? 'off-A' : 'off-B' })))).toEqual([]);
    expect(officerConcentrationFlags(series(9))).toEqual([]);
  });

  it('computes each officer HHI across applicants (10,000 = one applicant)', () => {
    const permits = [...series(4, () => ({ officer: 'solo', applicant: 'x' })), ...series(4, (i) => ({ officer: 'spread', applicant: `a${i}` }))];
    expect(officerHhi(permits)).toEqual([
      { officer: 'solo', permits: 4, applicants: 1, hhi: 10000 },
      { officer: 'spread', permits: 4, applicants: 4, hhi: 2500 },
    ]);
  });
});

describe('out-of-hours issuance', () => {
  it('flags before opening, at closing, weekends and holidays, in wall-clock time', () => {
    const p = (issuedAt: string) => permit({ number: issuedAt, issuedAt });
    const permits = [p('2025-03-05T07:59'), p('2025-03-05T08:00'), p('2025-03-05T17:59'), p('2025-03-05T18:00'), p('2025-03-08T10:00'), p('2025-05-01T10:00')];
    const flags = outOfHoursFlags(permits, { ...OUT_OF_HOURS_DEFAULTS, holidays: ['2025-05-01'] });
    expect(flags.map((f) => [f.permit, f.details.rule])).toEqual([
      ['2025-03-05T07:59', 'hours'],
      ['2025-03-05T18:00', 'hours'],
      ['2025-03-08T10:00', 'weekend'],
      ['2025-05-01T10:00', 'holiday'],
    ]);
  });

  it('converts times with an offset to the office time zone, daylight saving included', () => {
    const params = { ...OUT_OF_HOURS_DEFAULTS, timeZone: 'Europe/Paris' };
    // 06:30Z is 07:30 in Paris in winter (out), 08:30 in summer (in).
    expect(outOfHoursFlags([permit({ issuedAt: '2025-01-15T06:30Z' })], params)).toHaveLength(1);
    expect(outOfHoursFlags([permit({ issuedAt: '2025-07-15T06:30Z' })], params)).toEqual([]);
    expect(outOfHoursFlags([permit({ issuedAt: '2025-07-15T06:30+00:00' })], params)[0]?.details.localTime).toBeUndefined();
  });
});

describe('processing-time outliers', () => {
  it('flags faster than the minimum and slower than the 95th percentile of the type', () => {
    // 20 exports taking 1..20 days; one taking 30 minutes.
    const permits = series(20, (i) => ({ receivedAt: '2025-03-01T09:00', issuedAt: new Date(Date.UTC(2025, 2, 1, 9) + (i + 1) * 86_400_000).toISOString().slice(0, 16) }));
    permits.push(permit({ number: 'EX-2025-0099', receivedAt: '2025-03-01T09:00', issuedAt: '2025-03-01T09:30' }));
    const flags = processingTimeFlags(permits);
    expect(flags.map((f) => [f.permit, f.details.rule])).toEqual([
      ['EX-2025-0020', 'slow'],
      ['EX-2025-0099', 'fast'],
    ]);
  });

  it('uses the nearest-rank percentile', () => {
    expect(percentileOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(percentileOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
  });
});

describe('endorsement problems', () => {
  it('flags over-endorsement, endorsement after validity and self-endorsement', () => {
    const flags = endorsementFlags([
      permit({ number: 'q', quantity: 10, endorsedQuantity: 11, endorsedAt: '2025-04-01', endorsingOfficer: 'off-2' }),
      permit({ number: 'v', endorsedQuantity: 10, endorsedAt: '2025-09-06T10:00', endorsingOfficer: 'off-2' }),
      permit({ number: 's', endorsedQuantity: 10, endorsedAt: '2025-04-01', endorsingOfficer: 'off-1' }),
      permit({ number: 'ok', endorsedQuantity: 10, endorsedAt: '2025-09-05T16:00', endorsingOfficer: 'off-2' }),
    ]);
    expect(flags.map((f) => [f.permit, f.details.rule])).toEqual([
      ['q', 'quantity'],
      ['v', 'after-validity'],
      ['s', 'same-officer'],
    ]);
  });
});

describe('dead permits used', () => {
  it('flags a cancelled permit endorsed, and a replaced permit used or endorsed after its replacement', () => {
    const flags = deadPermitFlags([
      permit({ number: 'c', status: 'cancelled', endorsedAt: '2025-04-01' }),
      permit({ number: 'r1', status: 'used' }),
      permit({ number: 'r1b', replaces: 'r1', issuedAt: '2025-04-01T10:00' }),
      permit({ number: 'r2', endorsedAt: '2025-04-02T10:00' }),
      permit({ number: 'r2b', replaces: 'r2', issuedAt: '2025-04-01T10:00' }),
      permit({ number: 'r3', endorsedAt: '2025-03-20T10:00' }),
      permit({ number: 'r3b', replaces: 'r3', issuedAt: '2025-04-01T10:00' }),
      permit({ number: 'x', status: 'cancelled' }),
    ]);
    expect(flags.map((f) => [f.permit, f.details.rule])).toEqual([
      ['c', 'endorsed'],
      ['r1', 'used-after-replacement'],
      ['r2', 'endorsed-after-replacement'],
    ]);
  });
});

describe('number gaps and duplicates', () => {
  it('flags both copies of a duplicate and the permit after a gap, per series', () => {
    const permits = [...series(3), permit({ number: 'EX-2025-0003', applicant: 'other' }), permit({ number: 'EX-2025-0007' }), permit({ number: 'IM-2025-0100' }), permit({ number: 'no digits' })];
    const flags = numberSeriesFlags(permits);
    expect(flags.map((f) => [f.permit, f.details.rule, f.details.missing ?? f.details.copies])).toEqual([
      ['EX-2025-0003', 'duplicate', 2],
      ['EX-2025-0003', 'duplicate', 2],
      ['EX-2025-0007', 'gap', 3],
    ]);
  });
});

describe('export permit validity', () => {
  it('flags an export permit valid beyond six calendar months, not at exactly six, nor an import', () => {
    const flags = exportValidityFlags([
      permit({ number: 'a', issuedAt: '2025-03-05T10:00', validUntil: '2025-09-05' }),
      permit({ number: 'b', issuedAt: '2025-03-05T10:00', validUntil: '2025-09-06' }),
      permit({ number: 'c', documentType: 'import', issuedAt: '2025-03-05T10:00', validUntil: '2026-03-05' }),
    ]);
    expect(flags.map((f) => [f.permit, f.details.limit])).toEqual([['b', '2025-09-05']]);
  });
});

describe('structuring', () => {
  const near = (i: number, days: number, quantity = 95) => permit({ number: `S${i}`, quantity, issuedAt: new Date(Date.UTC(2025, 0, 1 + days, 10)).toISOString().slice(0, 16) });

  it('flags 5 permits just under the threshold within 30 days for one applicant and taxon', () => {
    const flags = structuringFlags([0, 5, 10, 20, 30].map((d, i) => near(i, d)));
    expect(flags.map((f) => f.permit)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
  });

  it('does not flag them spread over more than 30 days, at the threshold, or well under it', () => {
    expect(structuringFlags([0, 5, 10, 20, 31].map((d, i) => near(i, d)))).toEqual([]);
    expect(structuringFlags([0, 1, 2, 3, 4].map((d, i) => near(i, d, 100)))).toEqual([]);
    expect(structuringFlags([0, 1, 2, 3, 4].map((d, i) => near(i, d, 89)))).toEqual([]);
  });
});
