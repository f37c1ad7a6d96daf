import { describe, expect, it } from 'vitest';
import { assess } from '../../shared/methodology/assess.js';
import {
  applicability,
  derivedMaturity,
  facetMaturity,
  finalMaturity,
  meetsTarget,
} from '../../shared/methodology/criterion.js';
import { effectiveMaturity, type EffectiveControl } from '../../shared/methodology/evidence.js';
import { AS_OF, coreControls, crit, ctl, ev, input, mini } from './fixtures.js';

function eff(...controls: ReturnType<typeof ctl>[]): EffectiveControl[] {
  return controls.map((c) => effectiveMaturity(c, AS_OF));
}

describe('facetMaturity', () => {
  it('is the max effective maturity among controls in the facet families, with its producers', () => {
    // facet {core_a, fam_c}: core_a controls at 1 and 3, fam_c at 3, core_b at 4 (not in facet)
    // max = 3, produced by a2 and c1; b1 is ignored.
    const controls = eff(ctl('a1', 'core_a', 1), ctl('a2', 'core_a', 3), ctl('c1', 'fam_c', 3), ctl('b1', 'core_b', 4));
    const facet = facetMaturity(['core_a', 'fam_c'], controls);
    expect(facet.maturity).toBe(3);
    expect(facet.controls).toEqual(['a2', 'c1']);
    expect(facet.families).toEqual(['core_a', 'fam_c']);
  });

  it('is 0 with no producers when no control is in the facet', () => {
    const facet = facetMaturity(['fam_d'], eff(ctl('a1', 'core_a', 4)));
    expect(facet).toEqual({ families: ['fam_d'], maturity: 0, controls: [] });
  });

  it('uses effective, not stated, maturity: an unsupported 4 loses to a supported 3', () => {
    // u: stated 4, no evidence → effective 2; s: stated 3 with evidence → 3
    const facet = facetMaturity(['core_a'], eff(ctl('u', 'core_a', 4, { evidence: [] }), ctl('s', 'core_a', 3)));
    expect(facet.maturity).toBe(3);
    expect(facet.controls).toEqual(['s']);
  });
});

describe('derivedMaturity: min over facets of max effective maturity', () => {
  it('worked example with three facets', () => {
    // facets: {core_a} → max(2, 4) = 4; {core_b} → 3; {fam_c, fam_d} → max(1, 2) = 2
    // derived = min(4, 3, 2) = 2
    const criterion = crit('C', { facets: [['core_a'], ['core_b'], ['fam_c', 'fam_d']] });
    const controls = eff(
      ctl('a1', 'core_a', 2),
      ctl('a2', 'core_a', 4),
      ctl('b1', 'core_b', 3),
      ctl('c1', 'fam_c', 1),
      ctl('d1', 'fam_d', 2),
    );
    const derived = derivedMaturity(criterion, controls);
    expect(derived.facets.map((f) => f.maturity)).toEqual([4, 3, 2]);
    expect(derived.facets.map((f) => f.controls)).toEqual([['a2'], ['b1'], ['d1']]);
    expect(derived.maturity).toBe(2);
  });

  it('is 0 when any facet has no control, however strong the others', () => {
    // {core_a} → 4, {fam_d} → 0 → min = 0
    const criterion = crit('C', { facets: [['core_a'], ['fam_d']] });
    expect(derivedMaturity(criterion, eff(ctl('a', 'core_a', 4))).maturity).toBe(0);
  });

  it('is 4 when every facet has a monitored, evidenced control', () => {
    const criterion = crit('C', { facets: [['core_a'], ['core_b']] });
    expect(derivedMaturity(criterion, eff(ctl('a', 'core_a', 4), ctl('b', 'core_b', 4))).maturity).toBe(4);
  });
});

describe('override', () => {
  it('replaces the derived value upwards and downwards', () => {
    expect(finalMaturity(1, input('C', { override: { maturity: 3, justification: 'site visit confirmed practice' } }))).toBe(3);
    expect(finalMaturity(4, input('C', { override: { maturity: 1, justification: 'policy not applied in regions' } }))).toBe(1);
    expect(finalMaturity(2, input('C'))).toBe(2);
    expect(finalMaturity(2, undefined)).toBe(2);
  });

  it('through assess: shown beside the derived value and used for the score', () => {
    // C1 derived from core_a at 4, overridden down to 1 → score 100 × 1/4 = 25.0
    const snapshot = mini({
      criteria: [crit('C1', { facets: [['core_a']], target: 0 })],
      controls: coreControls(),
      criterionInputs: [input('C1', { override: { maturity: 1, justification: 'applied only at headquarters' } })],
    });
    const result = assess(snapshot);
    const c = result.criteria[0]!;
    expect(c.derived).toBe(4);
    expect(c.override).toEqual({ maturity: 1, justification: 'applied only at headquarters' });
    expect(c.final).toBe(1);
    expect(result.overall.score).toBe(25);
  });

  it('through assess: an upward override of 0 to 4 gives a full score', () => {
    const snapshot = mini({
      criteria: [crit('C1', { facets: [['fam_d']] })],
      controls: coreControls(),
      criterionInputs: [input('C1', { override: { maturity: 4, justification: 'measure run by the ministry on our behalf' } })],
    });
    const c = assess(snapshot).criteria[0]!;
    expect(c.derived).toBe(0);
    expect(c.final).toBe(4);
    expect(assess(snapshot).overall.score).toBe(100);
  });
});

describe('applicability', () => {
  it('comes from the library when the assessor did not set it', () => {
    expect(applicability(crit('C'), undefined)).toEqual({ applicable: true, justification: null, source: 'library' });
    const na = crit('N', { applicable: false, notApplicableReason: 'electoral law, not the authority' });
    expect(applicability(na, input('N'))).toEqual({ applicable: false, justification: 'electoral law, not the authority', source: 'library' });
  });

  it('the assessor can set it either way, with a justification', () => {
    const na = crit('N', { applicable: false, notApplicableReason: 'library reason' });
    expect(applicability(na, input('N', { applicability: { applicable: true, justification: 'the MA runs elections here' } }))).toEqual({
      applicable: true,
      justification: 'the MA runs elections here',
      source: 'assessor',
    });
    expect(applicability(crit('C'), input('C', { applicability: { applicable: false, justification: 'no traders registered' } }))).toEqual({
      applicable: false,
      justification: 'no traders registered',
      source: 'assessor',
    });
  });

  it('a not-applicable criterion is left out of every score', () => {
    // C1 (w3, maturity 4 via core_a) and C2 (w1, maturity 0 via fam_d).
    // both applicable: 100 × (3·4 + 1·0) / (4·4) = 1200/16 = 75.0
    // C2 not applicable: 100 × 12 / 12 = 100.0
    const criteria = [crit('C1', { weight: 3, facets: [['core_a']] }), crit('C2', { weight: 1, facets: [['fam_d']] })];
    expect(assess(mini({ criteria, controls: coreControls() })).overall.score).toBe(75);
    const result = assess(
      mini({
        criteria,
        controls: coreControls(),
        criterionInputs: [input('C2', { applicability: { applicable: false, justification: 'no such function' } })],
      }),
    );
    expect(result.overall.score).toBe(100);
    expect(result.criteria[1]).toMatchObject({ applicable: false, applicabilitySource: 'assessor', applicabilityJustification: 'no such function' });
  });
});

describe('meetsTarget', () => {
  it('target 0 is always met; otherwise maturity must reach the target', () => {
    expect(meetsTarget(0, 0)).toBe(true);
    expect(meetsTarget(2, 3)).toBe(false);
    expect(meetsTarget(3, 3)).toBe(true);
    expect(meetsTarget(4, 3)).toBe(true);
  });
});

describe('evidence feeds the criterion', () => {
  it('expired evidence turns a facet of 3 into 2', () => {
    const criterion = crit('C', { facets: [['core_a']] });
    const controls = eff(ctl('a', 'core_a', 3, { evidence: [ev('x', '2025-01-01', '2026-06-01')] }));
    expect(derivedMaturity(criterion, controls).maturity).toBe(2);
  });
});
