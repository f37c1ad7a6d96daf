import { describe, expect, it } from 'vitest';
import { deadPermitFlags } from '../../shared/permits/flags/dead-permits.js';
import { numberSeriesFlags } from '../../shared/permits/flags/number-series.js';
import { officerConcentrationFlags } from '../../shared/permits/flags/officer-concentration.js';
import { structuringFlags } from '../../shared/permits/flags/structuring.js';
import { matchesFlagFilter } from '../../shared/permits/flag-filter.js';
import { detailsText, flagSheet } from '../../shared/permits/flag-sheet.js';
import { involvedPermits, relatedNumbers, tradeLinesOf } from '../../shared/permits/involved.js';
import { flagWithoutPeople, permitWithoutPeople } from '../../shared/permits/people.js';
import type { PermitFlag } from '../../shared/permits/records.js';
import { permit, series } from './fixtures.js';

describe('the records behind a flag', () => {
  it('finds trade lines by export permit, or by line id when the flag was keyed by its line', () => {
    expect(tradeLinesOf('a1b2c3d4e5')).toEqual({ exportPermit: 'a1b2c3d4e5' });
    expect(tradeLinesOf('line:12345')).toEqual({ lineId: '12345' });
  });

  it('shows a replaced permit with its replacement, and the permit it replaced in turn', () => {
    const permits = [
      permit({ number: 'EX-1', status: 'cancelled' }),
      permit({ number: 'EX-2', replaces: 'EX-1', status: 'replaced', endorsedAt: '2025-04-02T10:00' }),
      permit({ number: 'EX-3', replaces: 'EX-2', issuedAt: '2025-04-01T10:00' }),
      permit({ number: 'EX-9' }),
    ];
    const flag = deadPermitFlags(permits).find((f) => f.permit === 'EX-2')!;
    expect(relatedNumbers(flag, permits.filter((p) => p.number === 'EX-2'))).toEqual(['EX-1']);
    expect(involvedPermits(flag, permits).map(({ role, permit: p }) => [role, p.number])).toEqual([
      ['flagged', 'EX-2'],
      ['replaces', 'EX-1'],
      ['replaced-by', 'EX-3'],
    ]);
  });

  it('shows the number before a gap, and both copies of a duplicate', () => {
    // 0001, 0002, 0002 (duplicate), then 0005: 0003 and 0004 are missing.
    const permits = series(5, (i) => ({ number: `EX-2025-000${[1, 2, 2, 5, 6][i]}` }));
    const flags = numberSeriesFlags(permits);
    const gap = flags.find((f) => f.details.rule === 'gap')!;
    expect(gap).toMatchObject({ permit: 'EX-2025-0005', details: { missing: 2, after: 'EX-2025-0002' } });
    expect(relatedNumbers(gap, [permits[3]!])).toEqual(['EX-2025-0002']);
    expect(involvedPermits(gap, permits).map(({ role, permit: p }) => [role, p.number])).toEqual([
      ['flagged', 'EX-2025-0005'],
      ['series-previous', 'EX-2025-0002'],
      ['series-previous', 'EX-2025-0002'],
    ]);
    const duplicate = flags.find((f) => f.details.rule === 'duplicate')!;
    expect(involvedPermits(duplicate, permits).map(({ role, permit: p }) => [role, p.number])).toEqual([
      ['flagged', 'EX-2025-0002'],
      ['flagged', 'EX-2025-0002'],
    ]);
  });

  it('shows only the permit itself when the rule involved no other', () => {
    const p = permit({ number: 'EX-7' });
    const flag: PermitFlag = { kind: 'out-of-hours', source: 'register', permit: 'EX-7', date: '2025-03-05', taxon: p.taxon, officer: 'off-1', applicant: 'app-1', details: { rule: 'weekend' } };
    expect(involvedPermits(flag, [p, permit({ number: 'EX-8' })]).map((x) => x.permit.number)).toEqual(['EX-7']);
  });
});

describe('people stay out unless asked for', () => {
  it('blanks officer and applicant, including where the rule wrote them into the details', () => {
    const concentration = officerConcentrationFlags(series(10, () => ({ officer: 'off-A', applicant: 'app-Z' })))[0]!;
    expect(concentration.details).toMatchObject({ officer: 'off-A', applicant: 'app-Z' });
    const shown = flagWithoutPeople(concentration);
    expect(shown).toMatchObject({ officer: null, applicant: null, details: { permits: 10, applicantPermits: 10, sharePercent: 100 } });
    expect(JSON.stringify(shown)).not.toMatch(/off-A|app-Z/);
    const structuring = structuringFlags(series(5, (i) => ({ applicant: 'app-S', quantity: 95, issuedAt: `2025-03-0${i + 1}T10:00` })));
    expect(structuring.length).toBe(5);
    expect(JSON.stringify(structuring.map(flagWithoutPeople))).not.toContain('app-S');
  });

  it('blanks the officer, applicant and endorsing officer of a register permit', () => {
    expect(permitWithoutPeople(permit({ endorsingOfficer: 'insp-1' }))).toMatchObject({ officer: null, applicant: null, endorsingOfficer: null, number: 'EX-2025-0001' });
  });
});

describe('the flagged-list filter and sheet', () => {
  const flag = (over: Partial<PermitFlag>): PermitFlag => ({ kind: 'out-of-hours', source: 'register', permit: 'EX-1', date: '2025-03-05', taxon: 'Python regius', officer: 'o1', applicant: 'a1', details: {}, ...over });

  it('filters by kind, taxon text, officer, applicant and an inclusive period', () => {
    const f = flag({});
    expect(matchesFlagFilter(f, {})).toBe(true);
    expect(matchesFlagFilter(f, { kind: 'out-of-hours', taxon: 'REGIUS', officer: 'o1', applicant: 'a1', from: '2025-03-05', to: '2025-03-05' })).toBe(true);
    expect(matchesFlagFilter(f, { kind: 'structuring' })).toBe(false);
    expect(matchesFlagFilter(f, { taxon: 'Naja' })).toBe(false);
    expect(matchesFlagFilter(f, { officer: 'o2' })).toBe(false);
    expect(matchesFlagFilter(f, { applicant: 'a2' })).toBe(false);
    expect(matchesFlagFilter(f, { from: '2025-03-06' })).toBe(false);
    expect(matchesFlagFilter(f, { to: '2025-03-04' })).toBe(false);
  });

  it('writes the same columns in every language, people columns only when shown', () => {
    const flags = [flag({ details: { rule: 'weekend', localTime: '2025-03-08 10:00' } }), flag({ kind: 'permit-reuse', source: 'trade', permit: 'a1b2c3d4e5', officer: null, applicant: null })];
    const en = flagSheet(flags, false, 'en');
    expect(en.headers).toEqual(['Kind', 'Source', 'Permit', 'Date', 'Taxon', 'Details']);
    expect(en.rows[0]).toEqual(['Out-of-hours issuance', 'Permit register', 'EX-1', '2025-03-05', 'Python regius', 'rule: weekend · localTime: 2025-03-08 10:00']);
    expect(en.rows[1]!.slice(0, 2)).toEqual(['Permit re-use', 'CITES Trade Database']);
    const fr = flagSheet(flags, true, 'fr');
    expect(fr.headers).toEqual(['Type', 'Source', 'Permis', 'Date', 'Taxon', 'Agent', 'Demandeur', 'Détails']);
    expect(fr.rows[0]!.slice(5, 7)).toEqual(['o1', 'a1']);
    expect(flagSheet(flags, false, 'es').rows[0]![0]).toBe('Expedición fuera de horario');
    expect(detailsText({})).toBe('');
  });
});
