import { describe, expect, it } from 'vitest';
import { FLAG_KINDS, SEVERITIES, type Severity } from '../../shared/domain/vocabulary.js';
import { assess } from '../../shared/methodology/assess.js';
import { gapPoints, severityFromBand, severityFromPoints } from '../../shared/methodology/flags/severity.js';
import type { Flag } from '../../shared/methodology/flags/types.js';
import { MINI_FAMILIES, builtInSnapshot, coreControls, crit, ctl, ev, flagsOf, input, library, mini } from './fixtures.js';

/** Core controls that cover no chain cell, so chain tests see only the controls they add. */
function silentCore() {
  return [ctl('core-a-1', 'core_a', 4, { stages: [], riskTypes: [] }), ctl('core-b-1', 'core_b', 4, { stages: [], riskTypes: [] })];
}

function recommendationOf(familyId: string): string {
  return MINI_FAMILIES.find((f) => f.id === familyId)!.recommendation;
}

describe('severity helpers', () => {
  it('points = weight × (target − maturity), never negative', () => {
    expect(gapPoints(3, 3, 1)).toBe(6);
    expect(gapPoints(2, 3, 1)).toBe(4);
    expect(gapPoints(1, 2, 3)).toBe(0);
  });
  it.each([
    [9, 'critical'],
    [6, 'critical'],
    [5, 'high'],
    [4, 'high'],
    [3, 'medium'],
    [2, 'medium'],
    [1, 'low'],
    [0, null],
  ])('%i points → %s', (points, severity) => {
    expect(severityFromPoints(points)).toBe(severity);
  });
  it('only high and critical bands become flags', () => {
    expect(severityFromBand('critical')).toBe('critical');
    expect(severityFromBand('high')).toBe('high');
    expect(severityFromBand('medium')).toBeNull();
    expect(severityFromBand('low')).toBeNull();
  });
});

describe('criterion-below-target', () => {
  // One criterion, facet {fam_c}; maturity comes from one evidenced, reviewed fam_c control (or none for 0).
  function run(weight: number, target: number, maturity: number) {
    const controls = [...coreControls(), ...(maturity > 0 ? [ctl('c', 'fam_c', maturity)] : [])];
    const result = assess(mini({ criteria: [crit('C1', { weight, target, facets: [['fam_c']] })], controls }));
    expect(result.criteria[0]!.final).toBe(maturity);
    return flagsOf(result, 'criterion-below-target');
  }

  it.each<[number, number, number, number, Severity]>([
    // weight, target, maturity, points = w × (t − m), severity
    [3, 3, 1, 6, 'critical'], // 3 × 2 = 6
    [3, 3, 0, 9, 'critical'], // 3 × 3 = 9
    [2, 4, 1, 6, 'critical'], // 2 × 3 = 6
    [2, 3, 1, 4, 'high'], //     2 × 2 = 4
    [1, 4, 0, 4, 'high'], //     1 × 4 = 4
    [3, 3, 2, 3, 'medium'], //   3 × 1 = 3
    [1, 3, 1, 2, 'medium'], //   1 × 2 = 2
    [2, 2, 1, 2, 'medium'], //   2 × 1 = 2
    [1, 3, 2, 1, 'low'], //      1 × 1 = 1
  ])('weight %i, target %i, maturity %i → %i points → %s', (weight, target, maturity, points, severity) => {
    const flags = run(weight, target, maturity);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.severity).toBe(severity);
    expect(flags[0]!.params).toMatchObject({ weight, target, maturity, points });
    expect(flags[0]!.subject).toEqual({ type: 'criterion', id: 'C1', label: 'C1 Criterion C1' });
    expect(flags[0]!.reason).toContain(points === 1 ? '1 gap point)' : `${points} gap points`);
  });

  it('is not raised at or above target', () => {
    expect(run(3, 3, 3)).toEqual([]);
    expect(run(3, 3, 4)).toEqual([]);
  });

  it('target 0 is never a gap, even at maturity 0 with weight 3', () => {
    expect(run(3, 0, 0)).toEqual([]);
  });

  it('a not-applicable criterion is never flagged (library default or assessor)', () => {
    const byLibrary = assess(
      mini({
        criteria: [crit('C1', { weight: 3, target: 3, applicable: false, notApplicableReason: 'outside remit', facets: [['fam_c']] })],
        controls: coreControls(),
      }),
    );
    expect(flagsOf(byLibrary, 'criterion-below-target')).toEqual([]);
    const byAssessor = assess(
      mini({
        criteria: [crit('C1', { weight: 3, target: 3, facets: [['fam_c']] })],
        controls: coreControls(),
        criterionInputs: [input('C1', { applicability: { applicable: false, justification: 'no breeders registered' } })],
      }),
    );
    expect(flagsOf(byAssessor, 'criterion-below-target')).toEqual([]);
  });

  it('uses the final (overridden) maturity, either way', () => {
    // derived 1 (fam_c at 1), target 3, overridden to 3 → no flag
    const up = assess(
      mini({
        criteria: [crit('C1', { weight: 3, target: 3, facets: [['fam_c']] })],
        controls: [...coreControls(), ctl('c', 'fam_c', 1)],
        criterionInputs: [input('C1', { override: { maturity: 3, justification: 'verified on site' } })],
      }),
    );
    expect(flagsOf(up, 'criterion-below-target')).toEqual([]);
    // derived 4 (core_a at 4), overridden to 2 → 3 × (3 − 2) = 3 points → medium
    const down = assess(
      mini({
        criteria: [crit('C1', { weight: 3, target: 3, facets: [['core_a']] })],
        controls: coreControls(),
        criterionInputs: [input('C1', { override: { maturity: 2, justification: 'not applied at border posts' } })],
      }),
    );
    const flags = flagsOf(down, 'criterion-below-target');
    expect(flags.map((f) => f.severity)).toEqual(['medium']);
    // every facet reaches the target, so every facet's families are offered as remedy
    expect(flags[0]!.remedy.families.map((f) => f.id)).toEqual(['core_a']);
  });

  it('points to the families of the facets that fall short, with the library recommendation', () => {
    // facets {core_a} → 4 (meets 3), {fam_c, fam_d} → fam_c at 1 → short. Remedy: fam_c, fam_d.
    const result = assess(
      mini({
        criteria: [crit('C1', { weight: 2, target: 3, facets: [['core_a'], ['fam_c', 'fam_d']] })],
        controls: [...coreControls(), ctl('c', 'fam_c', 1)],
      }),
    );
    const [flag] = flagsOf(result, 'criterion-below-target');
    // 2 × (3 − 1) = 4 → high
    expect(flag!.severity).toBe('high');
    expect(flag!.remedy.families).toEqual([
      { id: 'fam_c', title: 'Family C', recommendation: recommendationOf('fam_c') },
      { id: 'fam_d', title: 'Family D', recommendation: recommendationOf('fam_d') },
    ]);
  });
});

describe('missing-core-family', () => {
  it('is critical for each core family with no control, and names the family', () => {
    // only core_a has a control: core_b is missing; fam_c and fam_d are not core so never flagged
    const result = assess(mini({ controls: [ctl('a', 'core_a', 4)] }));
    const flags = flagsOf(result, 'missing-core-family');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      severity: 'critical',
      subject: { type: 'family', id: 'core_b', label: 'Core B' },
      params: { family: 'core_b' },
    });
    expect(flags[0]!.reason).toMatch(/Core B/);
    expect(flags[0]!.remedy.families).toEqual([{ id: 'core_b', title: 'Core B', recommendation: recommendationOf('core_b') }]);
  });

  it('is raised for all five core families of the built-in library on an empty register', () => {
    const result = assess(builtInSnapshot({ controls: [] }));
    const ids = flagsOf(result, 'missing-core-family').map((f) => f.subject.id);
    expect(ids.sort()).toEqual(['asset_disclosure', 'code_of_conduct', 'e_permitting', 'integrity_focal_point', 'vetting']);
    for (const flag of flagsOf(result, 'missing-core-family')) {
      expect(flag.severity).toBe('critical');
      expect(flag.remedy.families[0]!.recommendation).toBe(library().families.get(flag.subject.id)!.recommendation);
    }
  });

  it('is not raised once every core family has a control', () => {
    expect(flagsOf(assess(mini({ controls: coreControls() })), 'missing-core-family')).toEqual([]);
  });

  it('PI-1.1: is raised for a core family whose only controls are rated 0 (Absent)', () => {
    const controls = [ctl('a', 'core_a', 4), ctl('b-1', 'core_b', 0), ctl('b-2', 'core_b', 0)];
    expect(flagsOf(assess(mini({ controls })), 'missing-core-family').map((f) => f.subject.id)).toEqual(['core_b']);
    // One control above Absent is enough to count the family as present.
    const fixed = [...controls, ctl('b-3', 'core_b', 1)];
    expect(flagsOf(assess(mini({ controls: fixed })), 'missing-core-family')).toEqual([]);
  });
});

describe('chain-residual-risk', () => {
  it('flags only high and critical cells, at the band', () => {
    // s1×r1: 5 × 5 = 25, no covering control → residual 25 → critical
    // s2×r2: 4 × 3 = 12 → high
    // s1×r2: 3 × 3 = 9 → medium → no flag
    // s2×r1: 2 × 2 = 4 → low → no flag
    const result = assess(
      mini({
        controls: silentCore(),
        chain: [
          { stage: 's1', riskType: 'r1', likelihood: 5, impact: 5 },
          { stage: 's2', riskType: 'r2', likelihood: 4, impact: 3 },
          { stage: 's1', riskType: 'r2', likelihood: 3, impact: 3 },
          { stage: 's2', riskType: 'r1', likelihood: 2, impact: 2 },
        ],
      }),
    );
    const flags = flagsOf(result, 'chain-residual-risk');
    expect(flags.map((f) => [f.subject.id, f.severity])).toEqual([
      ['s1/r1', 'critical'],
      ['s2/r2', 'high'],
    ]);
    expect(flags[0]!.subject).toEqual({ type: 'cell', id: 's1/r1', label: 'Stage One × Risk One' });
    expect(flags[0]!.reason).toBe('Residual risk of risk one at stage one is 25 (critical).');
    // families whose default coverage includes s1 × r1 in the mini world: core_a, core_b, fam_c
    expect(flags[0]!.remedy.families.map((f) => f.id)).toEqual(['core_a', 'core_b', 'fam_c']);
    expect(flags[0]!.remedy.families.map((f) => f.recommendation)).toEqual(['core_a', 'core_b', 'fam_c'].map(recommendationOf));
    expect(flags[1]!.remedy.families.map((f) => f.id)).toEqual(['fam_d']);
  });

  it('a control that lowers the residual lowers the flag: 25 × (1 − 0.5) = 12.5 → high', () => {
    const result = assess(
      mini({ controls: [...silentCore(), ctl('c', 'fam_c', 3)], chain: [{ stage: 's1', riskType: 'r1', likelihood: 5, impact: 5 }] }),
    );
    const flags = flagsOf(result, 'chain-residual-risk');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.severity).toBe('high');
    expect(flags[0]!.params).toMatchObject({ residual: 12.5, band: 'high' });
    expect(flags[0]!.reason).toContain('12.5 (high)');
  });

  it('residual just below 10 is not flagged: 25 × (1 − 0.65) = 8.75 → medium', () => {
    // fam_c at 3 (0.5) and core_a at 2 (0.3) cover s1×r1: 1 − 0.5 × 0.7 = 0.65
    const result = assess(
      mini({
        controls: [ctl('a', 'core_a', 2), ctl('b', 'core_b', 4, { stages: [], riskTypes: [] }), ctl('c', 'fam_c', 3)],
        chain: [{ stage: 's1', riskType: 'r1', likelihood: 5, impact: 5 }],
      }),
    );
    expect(result.chain.find((c) => c.stage === 's1' && c.riskType === 'r1')!.band).toBe('medium');
    expect(flagsOf(result, 'chain-residual-risk')).toEqual([]);
  });
});

describe('control flags', () => {
  it('unsupported-claim: medium, for a 3 or 4 without valid evidence', () => {
    const result = assess(
      mini({
        controls: [
          ...coreControls(),
          ctl('c3', 'fam_c', 3, { evidence: [] }),
          ctl('c4', 'fam_c', 4, { evidence: [ev('x', '2024-01-01')] }), // older than 24 months
          ctl('ok', 'fam_c', 4), // evidenced
        ],
      }),
    );
    const flags = flagsOf(result, 'unsupported-claim');
    expect(flags.map((f) => [f.subject.id, f.severity])).toEqual([
      ['c3', 'medium'],
      ['c4', 'medium'],
    ]);
    expect(flags[0]!.subject).toEqual({ type: 'control', id: 'c3', label: 'Control c3' });
    expect(flags[0]!.reason).toBe(
      '"Control c3" is rated 3 but has no evidence from the last 24 months that is still valid, so it counts as 2.',
    );
    expect(flags[0]!.remedy.families).toEqual([{ id: 'fam_c', title: 'Family C', recommendation: recommendationOf('fam_c') }]);
  });

  it('stale-evidence: low, only for a control rated 2 with no evidence or none newer than 24 months', () => {
    const result = assess(
      mini({
        controls: [
          ...coreControls(),
          ctl('none', 'fam_c', 2, { evidence: [] }),
          ctl('old', 'fam_c', 2, { evidence: [ev('x', '2024-06-29')] }),
          ctl('edge', 'fam_c', 2, { evidence: [ev('y', '2024-06-30')] }), // on the boundary: fresh
          ctl('one', 'fam_c', 1, { evidence: [] }), // rated 1: not stale
          ctl('three', 'fam_c', 3, { evidence: [] }), // rated 3: unsupported-claim instead
        ],
      }),
    );
    const flags = flagsOf(result, 'stale-evidence');
    expect(flags.map((f) => [f.subject.id, f.severity])).toEqual([
      ['none', 'low'],
      ['old', 'low'],
    ]);
    expect(flags[0]!.reason).toMatch(/no evidence at all/);
    expect(flags[1]!.reason).toMatch(/more than 24 months old/);
    expect(flags[1]!.remedy.families.map((f) => f.recommendation)).toEqual([recommendationOf('fam_c')]);
  });

  it('overdue-review: low, when never reviewed or reviewed more than 12 months before as-of', () => {
    const result = assess(
      mini({
        controls: [
          ...coreControls(),
          ctl('never', 'fam_d', 1, { lastReviewed: null }),
          ctl('late', 'fam_d', 1, { lastReviewed: '2025-06-29' }),
          ctl('edge', 'fam_d', 1, { lastReviewed: '2025-06-30' }), // exactly 12 months: on time
        ],
      }),
    );
    const flags = flagsOf(result, 'overdue-review');
    expect(flags.map((f) => [f.subject.id, f.severity])).toEqual([
      ['late', 'low'],
      ['never', 'low'],
    ]);
    expect(flags.find((f) => f.subject.id === 'never')!.reason).toBe('"Control never" has never been reviewed.');
    expect(flags.find((f) => f.subject.id === 'late')!.reason).toBe(
      '"Control late" was last reviewed on 2025-06-29, more than 12 months before 2026-06-30.',
    );
    expect(flags[0]!.remedy.families).toEqual([{ id: 'fam_d', title: 'Family D', recommendation: recommendationOf('fam_d') }]);
  });
});

describe('every flag, together', () => {
  // A snapshot that raises every kind at once.
  const snapshot = mini({
    criteria: [
      crit('C1', { weight: 3, target: 3, facets: [['fam_c']] }), // 3 × 3 = 9 → critical
      crit('C2', { weight: 1, target: 2, article: 'A2', facets: [['core_a']] }), // core_a at 1: 1 × 1 = 1 → low
      crit('O1', { article: 'A2', facets: [['core_a']], riskType: 'r1' }), // offence at 1, r1 at s1 inherent 20 → offence-not-established
    ],
    controls: [
      ctl('a', 'core_a', 1, { lastReviewed: null, stages: [], riskTypes: [] }), // overdue-review
      ctl('d2', 'fam_d', 2, { evidence: [], stages: [], riskTypes: [] }), // stale-evidence
      ctl('d3', 'fam_d', 3, { evidence: [], stages: [], riskTypes: [] }), // unsupported-claim
    ], // core_b missing → missing-core-family
    chain: [
      { stage: 's1', riskType: 'r1', likelihood: 5, impact: 4 }, // 20 → critical
      { stage: 's2', riskType: 'r2', likelihood: 2, impact: 5 }, // 10 → high
    ],
  });
  // PI-1.2: 60 flagged permits per 1,000 suggest likelihood 5, three above the rating of 2.
  snapshot.permitSignals = {
    analysis: { uid: 'run', inputDigest: '0'.repeat(64), analysedAt: '2026-06-01T00:00:00.000Z' },
    window: { from: '2025-06-30', to: '2026-06-30' },
    cells: [{ stage: 's2', riskType: 'r2', flagged: 60, handled: 1000 }],
  };
  const result = assess(snapshot);

  it('raises each kind', () => {
    expect(new Set(result.flags.map((f) => f.kind))).toEqual(new Set(FLAG_KINDS));
  });

  it('each flag names its subject, says why in one sentence and points to remedy families with recommendations', () => {
    const families = new Map(MINI_FAMILIES.map((f) => [f.id, f]));
    for (const flag of result.flags) {
      expect(['criterion', 'control', 'family', 'cell']).toContain(flag.subject.type);
      expect(flag.subject.id.length).toBeGreaterThan(0);
      expect(flag.subject.label.length).toBeGreaterThan(0);
      // one sentence: ends with a full stop, no line break, no second sentence starting after ". X"
      expect(flag.reason).toMatch(/\.$/);
      expect(flag.reason).not.toMatch(/\n/);
      expect(flag.reason.split(/[.!?]\s+(?=[A-Z])/)).toHaveLength(1);
      expect(flag.remedy.action.length).toBeGreaterThan(0);
      expect(flag.remedy.families.length).toBeGreaterThan(0);
      for (const family of flag.remedy.families) {
        expect(family.recommendation).toBe(families.get(family.id)!.recommendation);
        expect(family.title).toBe(families.get(family.id)!.title);
      }
    }
  });

  it('sorts flags most severe first, then by kind, then by subject', () => {
    const rank = (f: Flag) => [SEVERITIES.indexOf(f.severity), FLAG_KINDS.indexOf(f.kind)] as const;
    for (let i = 1; i < result.flags.length; i++) {
      const [s0, k0] = rank(result.flags[i - 1]!);
      const [s1, k1] = rank(result.flags[i]!);
      expect(s0 <= s1).toBe(true);
      if (s0 === s1) expect(k0 <= k1).toBe(true);
      if (s0 === s1 && k0 === k1) expect(result.flags[i - 1]!.subject.id <= result.flags[i]!.subject.id).toBe(true);
    }
    expect(result.flags.map((f) => `${f.severity}:${f.kind}:${f.subject.id}`)).toEqual([
      'critical:criterion-below-target:C1',
      'critical:missing-core-family:core_b',
      'critical:chain-residual-risk:s1/r1',
      'high:chain-residual-risk:s2/r2',
      'high:offence-not-established:O1',
      'medium:unsupported-claim:d3',
      'medium:data-contradicts-likelihood:s2/r2',
      'low:criterion-below-target:C2',
      'low:stale-evidence:d2',
      'low:overdue-review:a',
    ]);
  });

  it('counts flags by severity', () => {
    expect(result.flagCounts).toEqual({ critical: 3, high: 2, medium: 2, low: 3 });
  });
});

describe('built-in criteria flags', () => {
  it('7.1(b) with vetting only points to training and rotation/segregation with the library recommendations', () => {
    // 7.1(b): weight 3, target 3, facets {vetting} {integrity_training} {rotation, segregation_of_duties}
    // vetting at 3 (evidenced) → derived = min(3, 0, 0) = 0 → 3 × 3 = 9 points → critical
    const snapshot = builtInSnapshot({
      controls: [{ uid: 'v1', family: 'vetting', title: 'Vetting', maturity: 3, lastReviewed: '2026-01-01', stages: null, riskTypes: null, evidence: [ev('e', '2026-01-01')] }],
    });
    const flag = assess(snapshot).flags.find((f) => f.kind === 'criterion-below-target' && f.subject.id === '7.1(b)')!;
    expect(flag.severity).toBe('critical');
    expect(flag.params).toMatchObject({ maturity: 0, target: 3, weight: 3, points: 9 });
    const lib = library();
    expect(flag.remedy.families).toEqual(
      ['integrity_training', 'rotation', 'segregation_of_duties'].map((id) => ({
        id,
        title: lib.families.get(id)!.title,
        recommendation: lib.families.get(id)!.recommendation,
      })),
    );
  });

  it('7.2, 7.3 and 12.4 (not applicable by default) are never flagged', () => {
    const result = assess(builtInSnapshot({ controls: [] }));
    const flagged = flagsOf(result, 'criterion-below-target').map((f) => f.subject.id);
    expect(flagged).not.toContain('7.2');
    expect(flagged).not.toContain('7.3');
    expect(flagged).not.toContain('12.4');
    // the other 13 criteria all have target > 0 and maturity 0 → all flagged
    expect(flagged).toHaveLength(13);
  });
});
