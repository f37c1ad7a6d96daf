import { describe, expect, it } from 'vitest';
import { assess } from '../../shared/methodology/assess.js';
import {
  EFFECTIVENESS_BY_MATURITY,
  cellMitigation,
  combinedMitigation,
  controlEffectiveness,
  coversCell,
  defaultChainInputs,
  inherentRisk,
  residualRisk,
  riskBand,
} from '../../shared/methodology/chain.js';
import { effectiveMaturity } from '../../shared/methodology/evidence.js';
import { AS_OF, coreControls, ctl, library, mini } from './fixtures.js';

describe('inherent risk = L × I', () => {
  it.each([
    [1, 1, 1],
    [3, 4, 12],
    [4, 5, 20],
    [5, 5, 25],
  ])('L %i × I %i = %i', (l, i, expected) => {
    expect(inherentRisk(l, i)).toBe(expected);
  });
});

describe('control effectiveness by effective maturity', () => {
  it('is 0 / 0.10 / 0.30 / 0.50 / 0.70', () => {
    expect([0, 1, 2, 3, 4].map((m) => controlEffectiveness(m as 0 | 1 | 2 | 3 | 4))).toEqual([0, 0.1, 0.3, 0.5, 0.7]);
    expect(EFFECTIVENESS_BY_MATURITY).toEqual({ 0: 0, 1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7 });
  });
});

describe('combined mitigation = 1 − Π(1 − e)', () => {
  it('no controls → 0', () => {
    expect(combinedMitigation([])).toBe(0);
  });

  it('one control at 3 → 0.5', () => {
    expect(combinedMitigation([0.5])).toBeCloseTo(0.5, 12);
  });

  it('two controls at 3 and 2 → 1 − 0.5 × 0.7 = 0.65', () => {
    expect(combinedMitigation([0.5, 0.3])).toBeCloseTo(0.65, 12);
  });

  it('three controls at 4, 4, 1 → 1 − 0.3 × 0.3 × 0.9 = 1 − 0.081 = 0.919', () => {
    expect(combinedMitigation([0.7, 0.7, 0.1])).toBeCloseTo(0.919, 12);
  });

  it('is not a sum: two controls at 4 do not reach 1.4 (or even 1)', () => {
    const m = combinedMitigation([0.7, 0.7]);
    expect(m).toBeCloseTo(0.91, 12);
    expect(m).toBeLessThan(1);
  });
});

describe('residual = inherent × (1 − mitigation)', () => {
  it('worked examples', () => {
    // 20 × (1 − 0.65) = 20 × 0.35 = 7
    expect(residualRisk(20, 0.65)).toBeCloseTo(7, 12);
    // 25 × (1 − 0) = 25
    expect(residualRisk(25, 0)).toBe(25);
    // 16 × (1 − 0.5) = 8
    expect(residualRisk(16, 0.5)).toBe(8);
  });
});

describe('bands: low < 5 ≤ medium < 10 ≤ high < 15 ≤ critical', () => {
  it.each([
    [0, 'low'],
    [4.99, 'low'],
    [5, 'medium'],
    [9.99, 'medium'],
    [10, 'high'],
    [14.99, 'high'],
    [15, 'critical'],
    [25, 'critical'],
  ])('%d → %s', (value, band) => {
    expect(riskBand(value)).toBe(band);
  });

  it('uses the exact residual, not the displayed one: 4.96 shows as 5.0 but is low', () => {
    expect(riskBand(4.96)).toBe('low');
  });
});

describe('coversCell', () => {
  const control = { stages: ['s1', 's2'], riskTypes: ['r1'] };
  it('needs both the stage and the risk type', () => {
    expect(coversCell(control, 's1', 'r1')).toBe(true);
    expect(coversCell(control, 's2', 'r1')).toBe(true);
    expect(coversCell(control, 's1', 'r2')).toBe(false);
    expect(coversCell(control, 's3', 'r1')).toBe(false);
    expect(coversCell({ stages: [], riskTypes: [] }, 's1', 'r1')).toBe(false);
  });
});

describe('cellMitigation', () => {
  it('combines only the covering controls, by effective maturity', () => {
    // covering s1×r1: a (3, evidenced → 0.5), b (2 → 0.3); u (4 unsupported → effective 2 → 0.3)
    // not covering: d (covers s2×r2 only)
    // mitigation = 1 − 0.5 × 0.7 × 0.7 = 1 − 0.245 = 0.755
    const controls = [
      ctl('a', 'core_a', 3),
      ctl('b', 'core_b', 2),
      ctl('u', 'fam_c', 4, { evidence: [] }),
      ctl('d', 'fam_d', 4),
    ].map((c) => effectiveMaturity(c, AS_OF));
    const cell = cellMitigation(controls, 's1', 'r1');
    expect(cell.controls).toEqual(['a', 'b', 'u']);
    expect(cell.mitigation).toBeCloseTo(0.755, 12);
  });
});

describe('chain through assess', () => {
  it('worked example: L4 × I5 = 20 (critical) with controls at 3 and 2 → residual 7 (medium)', () => {
    const snapshot = mini({
      controls: [ctl('a', 'core_a', 3), ctl('b', 'core_b', 2)],
      chain: [{ stage: 's1', riskType: 'r1', likelihood: 4, impact: 5 }],
    });
    const cell = assess(snapshot).chain.find((c) => c.stage === 's1' && c.riskType === 'r1')!;
    expect(cell.inherent).toBe(20);
    expect(cell.inherentBand).toBe('critical');
    expect(cell.mitigation).toBeCloseTo(0.65, 12);
    // 20 × 0.35 = 7.0
    expect(cell.residual).toBeCloseTo(7, 12);
    expect(cell.residualDisplay).toBe(7);
    expect(cell.band).toBe('medium');
    expect(cell.controls).toEqual(['a', 'b']);
  });

  it('residual exactly at 10 is high; at 5 is medium', () => {
    // 20 × (1 − 0.5) = 10 → high ; 10 × (1 − 0.5) = 5 → medium
    const snapshot = mini({
      controls: [ctl('a', 'core_a', 3), ctl('d', 'fam_d', 3)],
      chain: [
        { stage: 's1', riskType: 'r1', likelihood: 4, impact: 5 },
        { stage: 's2', riskType: 'r2', likelihood: 2, impact: 5 },
      ],
    });
    const result = assess(snapshot);
    const c11 = result.chain.find((c) => c.stage === 's1' && c.riskType === 'r1')!;
    const c22 = result.chain.find((c) => c.stage === 's2' && c.riskType === 'r2')!;
    expect(c11.residual).toBe(10);
    expect(c11.band).toBe('high');
    expect(c22.residual).toBe(5);
    expect(c22.band).toBe('medium');
  });

  it('residual exactly at 15 is critical; an uncovered cell keeps its inherent risk', () => {
    // s1×r2 is covered by no family in the mini world: 3 × 5 = 15 → residual 15 → critical
    const snapshot = mini({
      controls: coreControls(),
      chain: [{ stage: 's1', riskType: 'r2', likelihood: 3, impact: 5 }],
    });
    const cell = assess(snapshot).chain.find((c) => c.stage === 's1' && c.riskType === 'r2')!;
    expect(cell.controls).toEqual([]);
    expect(cell.mitigation).toBe(0);
    expect(cell.residual).toBe(15);
    expect(cell.band).toBe('critical');
  });

  it('residualDisplay is rounded to one decimal; the band uses the exact value', () => {
    // 3 × 3 = 9, three covering controls at 1: 1 − 0.9³ = 0.271 → residual 9 × 0.729 = 6.561 → shows 6.6
    const snapshot = mini({
      controls: [ctl('a', 'core_a', 1), ctl('b', 'core_b', 1), ctl('c', 'fam_c', 1)],
      chain: [{ stage: 's1', riskType: 'r1', likelihood: 3, impact: 3 }],
    });
    const cell = assess(snapshot).chain.find((c) => c.stage === 's1' && c.riskType === 'r1')!;
    expect(cell.residual).toBeCloseTo(6.561, 10);
    expect(cell.residualDisplay).toBe(6.6);
    expect(cell.band).toBe('medium');
  });
});

describe('defaultChainInputs', () => {
  it('gives every stage × risk type the stage likelihood and the risk type impact from the profile', () => {
    const lib = library();
    const cells = defaultChainInputs(lib.stages, lib.riskTypes, lib.chainProfile);
    // 8 stages × 7 risk types = 56 cells
    expect(cells).toHaveLength(lib.stages.length * lib.riskTypes.length);
    expect(cells).toHaveLength(56);
    for (const cell of cells) {
      expect(cell.likelihood).toBe(lib.chainProfile.likelihoodByStage[cell.stage]);
      expect(cell.impact).toBe(lib.chainProfile.impactByRiskType[cell.riskType]);
    }
    // built-in profile: permit issuance likelihood 4, document fraud impact 5
    expect(cells.find((c) => c.stage === 'permit_issuance' && c.riskType === 'document_fraud')).toEqual({
      stage: 'permit_issuance',
      riskType: 'document_fraud',
      likelihood: 4,
      impact: 5,
    });
    // order: stage-major, in library order
    expect(cells[0]).toMatchObject({ stage: lib.stages[0]!.id, riskType: lib.riskTypes[0]!.id });
    expect(cells[1]).toMatchObject({ stage: lib.stages[0]!.id, riskType: lib.riskTypes[1]!.id });
  });

  it('falls back to 3 for a stage or risk type missing from the profile', () => {
    const stages = [
      { id: 's1', title: 'S1', description: 'd' },
      { id: 's2', title: 'S2', description: 'd' },
    ];
    const risks = [{ id: 'r1', title: 'R1', uncacArticle: null, description: 'd' }];
    const cells = defaultChainInputs(stages, risks, { likelihoodByStage: { s1: 5 }, impactByRiskType: {} });
    expect(cells).toEqual([
      { stage: 's1', riskType: 'r1', likelihood: 5, impact: 3 },
      { stage: 's2', riskType: 'r1', likelihood: 3, impact: 3 },
    ]);
  });
});
