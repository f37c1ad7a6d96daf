import { describe, expect, it } from 'vitest';
import type { Maturity } from '../../shared/domain/vocabulary.js';
import { assess } from '../../shared/methodology/assess.js';
import { coverage, roundOneDecimal, weightedScore, type ScoredItem } from '../../shared/methodology/scores.js';
import { crit, ctl, coreControls, input, mini } from './fixtures.js';

function item(weight: number, maturity: Maturity, target = 3): ScoredItem {
  return { weight, maturity, target };
}

describe('weightedScore = 100 × Σ(w·m) / Σ(w·4), one decimal', () => {
  it('weights 3,2,1 with maturities 2,3,4', () => {
    // Σ(w·m) = 3·2 + 2·3 + 1·4 = 6 + 6 + 4 = 16; Σ(w·4) = 4·(3+2+1) = 24
    // 100 × 16 / 24 = 66.666… → 66.7
    expect(weightedScore([item(3, 2), item(2, 3), item(1, 4)])).toBe(66.7);
  });

  it('weights 1,1,1 with maturities 1,1,0', () => {
    // 100 × 2 / 12 = 16.666… → 16.7
    expect(weightedScore([item(1, 1), item(1, 1), item(1, 0)])).toBe(16.7);
  });

  it('weights 2,1 with maturities 1,0', () => {
    // 100 × 2 / 12 = 16.7 (same ratio, different weights)
    expect(weightedScore([item(2, 1), item(1, 0)])).toBe(16.7);
  });

  it('is 0 with every maturity 0 and 100 with every maturity 4', () => {
    expect(weightedScore([item(3, 0), item(1, 0)])).toBe(0);
    expect(weightedScore([item(3, 4), item(1, 4)])).toBe(100);
  });

  it('weights matter: swapping which criterion is weak changes the score', () => {
    // 3·4 + 1·0 = 12 / 16 → 75.0 ; 3·0 + 1·4 = 4 / 16 → 25.0
    expect(weightedScore([item(3, 4), item(1, 0)])).toBe(75);
    expect(weightedScore([item(3, 0), item(1, 4)])).toBe(25);
  });

  it('is null with nothing to score', () => {
    expect(weightedScore([])).toBeNull();
  });

  it('rounds a score that lands exactly on .x5 half away from zero', () => {
    // twenty criteria of weight 1, one at maturity 1, the rest 0:
    // 100 × 1 / 80 = 1.25 → 1.3 (not banker's 1.2)
    const items = [item(1, 1), ...Array.from({ length: 19 }, () => item(1, 0))];
    expect(weightedScore(items)).toBe(1.3);
    // seven of weight 1 at maturity 4 and one at 1, twelve at 0 → (28+1)/80 = 36.25 → 36.3
    const more = [...Array.from({ length: 7 }, () => item(1, 4)), item(1, 1), ...Array.from({ length: 12 }, () => item(1, 0))];
    expect(weightedScore(more)).toBe(36.3);
  });
});

describe('roundOneDecimal (half away from zero)', () => {
  it.each([
    [0.05, 0.1],
    [0.25, 0.3],
    [1.25, 1.3],
    [2.45, 2.5],
    [66.65, 66.7],
    [66.64, 66.6],
    [12.5, 12.5],
    [-0.25, -0.3],
    [-1.25, -1.3],
    [-1.24, -1.2],
    [0, 0],
    [100, 100],
  ])('%d → %d', (value, expected) => {
    expect(roundOneDecimal(value)).toBe(expected);
  });
});

describe('coverage = share of applicable criteria at or above target', () => {
  it('worked example', () => {
    // targets 3,3,2,0 with maturities 3,2,2,0 → met: yes, no, yes, yes (target 0 always met)
    // 3 of 4 → 75.0 %
    const cov = coverage([item(1, 3, 3), item(1, 2, 3), item(1, 2, 2), item(1, 0, 0)]);
    expect(cov).toEqual({ met: 3, total: 4, percent: 75 });
  });

  it('one of three → 33.3 %, two of three → 66.7 %', () => {
    expect(coverage([item(1, 3, 3), item(1, 0, 3), item(1, 0, 3)]).percent).toBe(33.3);
    expect(coverage([item(1, 3, 3), item(1, 3, 3), item(1, 0, 3)]).percent).toBe(66.7);
  });

  it('is null percent with no criteria', () => {
    expect(coverage([])).toEqual({ met: 0, total: 0, percent: null });
  });
});

describe('article and overall scores through assess', () => {
  it('worked example on two articles', () => {
    // Article A1: C1 (w3, facet core_a → 2), C2 (w2, facet core_b → 3), C3 (w1, facet fam_c → 4)
    //   100 × (3·2 + 2·3 + 1·4) / (4·6) = 1600/24 = 66.7
    // Article A2: C4 (w2, facet fam_d → 0)
    //   100 × 0 / 8 = 0.0
    // Overall: 100 × 16 / (24 + 8) = 1600/32 = 50.0
    // Coverage (targets 3,3,3,2): C1 2<3 no, C2 yes, C3 yes, C4 0<2 no → 2/4 = 50.0 %
    // A1 coverage 2/3 = 66.7 %, A2 coverage 0/1 = 0.0 %
    const snapshot = mini({
      criteria: [
        crit('C1', { weight: 3, target: 3, facets: [['core_a']] }),
        crit('C2', { weight: 2, target: 3, facets: [['core_b']] }),
        crit('C3', { weight: 1, target: 3, facets: [['fam_c']] }),
        crit('C4', { weight: 2, target: 2, article: 'A2', facets: [['fam_d']] }),
      ],
      controls: [ctl('a', 'core_a', 2), ctl('b', 'core_b', 3), ctl('c', 'fam_c', 4)],
    });
    const result = assess(snapshot);
    expect(result.articles.map((a) => [a.article, a.score])).toEqual([
      ['A1', 66.7],
      ['A2', 0],
    ]);
    expect(result.overall.score).toBe(50);
    expect(result.overall.coverage).toEqual({ met: 2, total: 4, percent: 50 });
    expect(result.articles[0]!.coverage).toEqual({ met: 2, total: 3, percent: 66.7 });
    expect(result.articles[1]!.coverage).toEqual({ met: 0, total: 1, percent: 0 });
  });

  it('an article whose criteria are all not applicable scores null; overall ignores it', () => {
    // A1: C1 w1 → 4 → 100.0; A2: C2 not applicable (library) → null. Overall = 100 × 4/4 = 100.0
    const snapshot = mini({
      criteria: [
        crit('C1', { facets: [['core_a']] }),
        crit('C2', { article: 'A2', applicable: false, notApplicableReason: 'not for this authority', facets: [['fam_d']] }),
      ],
      controls: coreControls(),
    });
    const result = assess(snapshot);
    expect(result.articles.map((a) => a.score)).toEqual([100, null]);
    expect(result.articles[1]!.coverage).toEqual({ met: 0, total: 0, percent: null });
    expect(result.overall.score).toBe(100);
  });

  it('overall is null when no criterion is applicable', () => {
    const snapshot = mini({
      criteria: [crit('C1', { facets: [['core_a']] })],
      controls: coreControls(),
      criterionInputs: [input('C1', { applicability: { applicable: false, justification: 'outside remit' } })],
    });
    const result = assess(snapshot);
    expect(result.overall.score).toBeNull();
    expect(result.overall.coverage.percent).toBeNull();
  });
});
