import { describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/domain/dates.js';
import {
  effectiveMaturity,
  hasStaleEvidence,
  isEvidenceValid,
  isReviewOverdue,
  newestEvidenceDate,
} from '../../shared/methodology/evidence.js';
import { assess } from '../../shared/methodology/assess.js';
import { AS_OF, coreControls, crit, ctl, ev, flagsOf, mini, snapControl } from './fixtures.js';

// AS_OF = 2026-06-30, so the 24-month window starts on addMonths(2026-06-30, -24) = 2024-06-30
// and the 12-month review window starts on 2025-06-30.

describe('addMonths', () => {
  it('moves by whole calendar months', () => {
    expect(addMonths('2026-06-30', -24)).toBe('2024-06-30');
    expect(addMonths('2026-06-30', -12)).toBe('2025-06-30');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('clamps a day that does not exist in the target month to its last day', () => {
    // 2028 is a leap year; 2026 and 2027 are not: 29 Feb → 28 Feb.
    expect(addMonths('2028-02-29', -24)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28');
    // 31 Mar minus one month → 31 Feb does not exist → 28 Feb (2026) / 29 Feb (2028).
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    // 31 May minus one month → 30 April.
    expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
  });

  it('rejects a value that is not an ISO date', () => {
    expect(() => addMonths('30/06/2026', -1)).toThrow(/not an ISO date/);
  });
});

describe('isEvidenceValid (PI-1 §2)', () => {
  it('is valid on the 24-month boundary date itself (inclusive) and not the day before', () => {
    // boundary = 2026-06-30 − 24 months = 2024-06-30
    expect(isEvidenceValid(ev('e', '2024-06-30'), AS_OF)).toBe(true);
    expect(isEvidenceValid(ev('e', '2024-06-29'), AS_OF)).toBe(false);
  });

  it('is valid when dated on the as-of date, and ignored when dated after it', () => {
    expect(isEvidenceValid(ev('e', '2026-06-30'), AS_OF)).toBe(true);
    expect(isEvidenceValid(ev('e', '2026-07-01'), AS_OF)).toBe(false);
  });

  it('ignores evidence that expired before the as-of date, keeps evidence expiring on it', () => {
    expect(isEvidenceValid(ev('e', '2025-01-01', '2026-06-29'), AS_OF)).toBe(false);
    expect(isEvidenceValid(ev('e', '2025-01-01', '2026-06-30'), AS_OF)).toBe(true);
    expect(isEvidenceValid(ev('e', '2025-01-01', '2027-01-01'), AS_OF)).toBe(true);
    expect(isEvidenceValid(ev('e', '2025-01-01', null), AS_OF)).toBe(true);
  });

  it('clamps the boundary by month: as-of 2028-02-29 → boundary 2026-02-28', () => {
    const asOf = '2028-02-29';
    expect(addMonths(asOf, -24)).toBe('2026-02-28');
    expect(isEvidenceValid(ev('e', '2026-02-28'), asOf)).toBe(true);
    expect(isEvidenceValid(ev('e', '2026-02-27'), asOf)).toBe(false);
  });
});

describe('effectiveMaturity (evidence rule)', () => {
  it('keeps 3 and 4 when at least one evidence item is valid, and lists the valid ones', () => {
    const control = snapControl({
      maturity: 4,
      evidence: [ev('old', '2023-01-01'), ev('good', '2025-05-01'), ev('future', '2026-08-01')],
    });
    const result = effectiveMaturity(control, AS_OF);
    expect(result.stated).toBe(4);
    expect(result.effective).toBe(4);
    expect(result.unsupported).toBe(false);
    expect(result.validEvidence).toEqual(['good']);
  });

  it.each([3, 4])('drops a %i without valid evidence to an effective 2, marked unsupported', (stated) => {
    // Evidence exists, but one is too old, one expired before as-of, one dated after as-of.
    const control = snapControl({
      maturity: stated,
      evidence: [ev('old', '2024-06-29'), ev('expired', '2025-06-01', '2026-06-29'), ev('future', '2026-07-01')],
    });
    const result = effectiveMaturity(control, AS_OF);
    expect(result.stated).toBe(stated);
    expect(result.effective).toBe(2);
    expect(result.unsupported).toBe(true);
    expect(result.validEvidence).toEqual([]);
  });

  it.each([0, 1, 2])('leaves %i unchanged even without any evidence', (stated) => {
    const result = effectiveMaturity(snapControl({ maturity: stated, evidence: [] }), AS_OF);
    expect(result.effective).toBe(stated);
    expect(result.unsupported).toBe(false);
  });

  it('a claim of 3 is supported by a single item on the 24-month boundary', () => {
    const result = effectiveMaturity(snapControl({ maturity: 3, evidence: [ev('edge', '2024-06-30')] }), AS_OF);
    expect(result.effective).toBe(3);
    expect(result.unsupported).toBe(false);
  });

  it('scoring uses effective maturity: an unsupported 4 scores as 2 in its criterion', () => {
    // One criterion, weight 1, facet {core_a}. Control core_a rated 4 with only expired evidence.
    // effective = 2 → criterion maturity 2 → score = 100 × 1·2 / (1·4) = 50.0
    const snapshot = mini({
      criteria: [crit('C1', { facets: [['core_a']] })],
      controls: [ctl('a', 'core_a', 4, { evidence: [ev('x', '2025-01-01', '2026-01-01')] }), ctl('b', 'core_b', 2)],
    });
    const result = assess(snapshot);
    expect(result.controls.find((c) => c.uid === 'a')).toMatchObject({ stated: 4, effective: 2, unsupported: true });
    expect(result.criteria[0]!.derived).toBe(2);
    expect(result.overall.score).toBe(50);
    expect(flagsOf(result, 'unsupported-claim').map((f) => f.subject.id)).toEqual(['a']);
  });
});

describe('stale evidence (PI-1 §5)', () => {
  it('only a control stated 2 can have stale evidence', () => {
    for (const maturity of [0, 1, 3, 4]) {
      expect(hasStaleEvidence(snapControl({ maturity, evidence: [] }), AS_OF)).toBe(false);
    }
    expect(hasStaleEvidence(snapControl({ maturity: 2, evidence: [] }), AS_OF)).toBe(true);
  });

  it('is stale when the newest evidence is older than 24 months, fresh on the boundary', () => {
    // boundary 2024-06-30: newest 2024-06-29 → stale; newest 2024-06-30 → not stale.
    expect(hasStaleEvidence(snapControl({ maturity: 2, evidence: [ev('a', '2022-01-01'), ev('b', '2024-06-29')] }), AS_OF)).toBe(true);
    expect(hasStaleEvidence(snapControl({ maturity: 2, evidence: [ev('a', '2022-01-01'), ev('b', '2024-06-30')] }), AS_OF)).toBe(false);
  });

  it('ignores evidence dated after the as-of date when finding the newest', () => {
    const control = snapControl({ maturity: 2, evidence: [ev('old', '2023-01-01'), ev('future', '2026-09-01')] });
    expect(newestEvidenceDate(control, AS_OF)).toBe('2023-01-01');
    expect(hasStaleEvidence(control, AS_OF)).toBe(true);
    // only future evidence → as if none
    const onlyFuture = snapControl({ maturity: 2, evidence: [ev('future', '2026-09-01')] });
    expect(newestEvidenceDate(onlyFuture, AS_OF)).toBeNull();
    expect(hasStaleEvidence(onlyFuture, AS_OF)).toBe(true);
  });

  it('uses the month-clamped boundary (as-of 2028-02-29 → 2026-02-28)', () => {
    expect(hasStaleEvidence(snapControl({ maturity: 2, evidence: [ev('a', '2026-02-28')] }), '2028-02-29')).toBe(false);
    expect(hasStaleEvidence(snapControl({ maturity: 2, evidence: [ev('a', '2026-02-27')] }), '2028-02-29')).toBe(true);
  });
});

describe('overdue review (PI-1 §5)', () => {
  it('is overdue when never reviewed', () => {
    expect(isReviewOverdue(snapControl({ lastReviewed: null }), AS_OF)).toBe(true);
  });

  it('is not overdue exactly 12 months before as-of, overdue one day earlier', () => {
    // 2026-06-30 − 12 months = 2025-06-30
    expect(isReviewOverdue(snapControl({ lastReviewed: '2025-06-30' }), AS_OF)).toBe(false);
    expect(isReviewOverdue(snapControl({ lastReviewed: '2025-06-29' }), AS_OF)).toBe(true);
    expect(isReviewOverdue(snapControl({ lastReviewed: '2024-01-01' }), AS_OF)).toBe(true);
  });

  it('is not overdue when reviewed on the as-of date', () => {
    expect(isReviewOverdue(snapControl({ lastReviewed: AS_OF }), AS_OF)).toBe(false);
  });

  it('treats a review dated after the as-of date as never reviewed', () => {
    expect(isReviewOverdue(snapControl({ lastReviewed: '2026-07-01' }), AS_OF)).toBe(true);
    const result = assess(mini({ controls: [...coreControls(), ctl('late', 'fam_c', 1, { lastReviewed: '2026-07-01' })] }));
    const [flag] = flagsOf(result, 'overdue-review');
    expect(flag?.subject.id).toBe('late');
    expect(flag?.reason).toMatch(/never been reviewed/);
  });

  it('clamps the 12-month boundary (as-of 2028-02-29 → 2027-02-28)', () => {
    expect(isReviewOverdue(snapControl({ lastReviewed: '2027-02-28' }), '2028-02-29')).toBe(false);
    expect(isReviewOverdue(snapControl({ lastReviewed: '2027-02-27' }), '2028-02-29')).toBe(true);
  });
});
