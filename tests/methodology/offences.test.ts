/**
 * PI-1.3: the legal framework pack is scored as its own section, never enters
 * the Art 7/12 overall score, and raises offence-not-established (high) at
 * final maturity ≤ 1 when a cell of the risk type has inherent risk ≥ 10.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../shared/methodology/assess.js';
import type { ChainInput } from '../../shared/snapshot/schema.js';
import { builtInSnapshot, ev, flagsOf, input, library, registerControl } from './fixtures.js';

const PACK = 'uncac-offences';
const recent = (uid: string) => [ev(uid, '2026-03-01')];

/** Every cell of the built-in chain at L=1, I=1 (inherent 1), except those given. */
function chain(cells: ChainInput[] = []): ChainInput[] {
  const given = new Map(cells.map((c) => [`${c.stage}/${c.riskType}`, c]));
  const lib = library();
  return lib.stages.flatMap((s) => lib.riskTypes.map((r) => given.get(`${s.id}/${r.id}`) ?? { stage: s.id, riskType: r.id, likelihood: 1, impact: 1 }));
}

describe('the pack is scored as its own section', () => {
  // legal_framework at 3 (valid evidence) gives every offence criterion 3; action at 2 gives 30.1 = min(3, 2) = 2 and 30.6 = 2;
  // 20 is overridden to 0 by the assessor.
  const controls = [
    registerControl({ uid: 'law', family: 'legal_framework', maturity: 3, evidence: recent('law-e') }),
    registerControl({ uid: 'act', family: 'action_against_corrupt_officials', maturity: 2, evidence: recent('act-e') }),
  ];
  const inputs = [input('20', { override: { maturity: 0, justification: 'No illicit-enrichment offence in the Penal Code.' } })];
  const result = assess(builtInSnapshot({ frameworks: ['uncac-7-12', PACK], controls, criterionInputs: inputs, chain: chain() }));

  it('gives the section score 100 × 43 ÷ 72 = 59.7 and coverage 5 of 8 = 62.5 %', () => {
    // w×m: 15 3×3=9, 18 2×3=6, 19 2×3=6, 20 2×0=0, 23.1 3×3=9, 24 1×3=3, 30.1 3×2=6, 30.6 2×2=4 → 43; Σw×4 = 18×4 = 72.
    expect(result.sections).toHaveLength(1);
    const section = result.sections[0]!;
    expect(section.frameworkId).toBe(PACK);
    expect(section.score).toBe(59.7);
    // met: 15, 18, 19, 23.1 (target 3) and 24 (target 2); not met: 20 (0 < 2), 30.1 and 30.6 (2 < 3).
    expect(section.coverage).toEqual({ met: 5, total: 8, percent: 62.5 });
  });

  it('scores its articles inside the section: Art 30 = 100 × (6 + 4) ÷ (12 + 8) = 50.0, Art 20 = 0', () => {
    const byArticle = new Map(result.sections[0]!.articles.map((a) => [a.article, a.score]));
    expect(Object.fromEntries(byArticle)).toEqual({ '15': 75, '18': 75, '19': 75, '20': 0, '23': 75, '24': 75, '30': 50 });
  });

  it('keeps its articles out of the overall article list', () => {
    expect(result.articles.map((a) => a.article)).toEqual(['7', '12']);
  });

  it('lists each offence criterion beside its risk type', () => {
    expect(result.offences.map((o) => [o.riskType, o.criterionId, o.final])).toEqual([
      ['bribery', '15', 3],
      ['trading_in_influence', '18', 3],
      ['abuse_of_functions', '19', 3],
      ['illicit_enrichment', '20', 0],
      ['laundering', '23.1', 3],
      ['concealment', '24', 3],
    ]);
  });
});

describe('the Art 7/12 overall score is unchanged by the pack', () => {
  // e_permitting 4 and service_standards 3, both with valid evidence: only 12.2(d) = min(4, 3) = 3 is above 0.
  // Σw×m = 3 × 3 = 9 over Σw×4 = 27 × 4 = 108 (13 applicable criteria) → 8.3; Art 12: 9 ÷ 64 → 14.1.
  const controls = [
    registerControl({ uid: 'ep', family: 'e_permitting', maturity: 4, evidence: recent('ep-e') }),
    registerControl({ uid: 'ss', family: 'service_standards', maturity: 3, evidence: recent('ss-e') }),
    registerControl({ uid: 'law', family: 'legal_framework', maturity: 4, evidence: recent('law-e') }),
  ];
  const without = assess(builtInSnapshot({ frameworks: ['uncac-7-12'], controls }));
  const withPack = assess(builtInSnapshot({ frameworks: ['uncac-7-12', PACK], controls }));

  it('is 8.3 with coverage 1 of 13, with or without the pack', () => {
    for (const result of [without, withPack]) {
      expect(result.overall).toEqual({ score: 8.3, coverage: { met: 1, total: 13, percent: 7.7 } });
      expect(result.articles.map((a) => [a.article, a.score])).toEqual([
        ['7', 0],
        ['12', 14.1],
      ]);
    }
  });

  it('the pack adds a section and offences only when it is in the assessment', () => {
    expect(without.sections).toEqual([]);
    expect(without.offences).toEqual([]);
    // legal_framework at 4: the six offences give 4 × (3 + 2 + 2 + 2 + 3 + 1) = 52; 30.1 and 30.6 lack action → 0; 100 × 52 ÷ 72 = 72.2.
    expect(withPack.sections[0]!.score).toBe(72.2);
  });
});

describe('offence-not-established at its boundaries', () => {
  const override = (maturity: number) => [input('15', { override: { maturity, justification: 'Assessed against the Penal Code.' } })];
  // Bribery at permit issuance: L × I; every other cell stays at inherent 1.
  const bribery = (likelihood: number, impact: number) => chain([{ stage: 'permit_issuance', riskType: 'bribery', likelihood, impact }]);
  const run = (maturity: number, likelihood: number, impact: number, frameworks = ['uncac-7-12', PACK]) =>
    flagsOf(assess(builtInSnapshot({ frameworks, criterionInputs: frameworks.includes(PACK) ? override(maturity) : [], chain: bribery(likelihood, impact) })), 'offence-not-established');

  it('maturity 1 and inherent 10 (5 × 2): raised, high, naming Art. 15 and the cell', () => {
    const flags = run(1, 5, 2);
    expect(flags).toHaveLength(1);
    const flag = flags[0]!;
    expect(flag.severity).toBe('high');
    expect(flag.subject).toEqual({ type: 'criterion', id: '15', label: 'Art. 15 Bribery of officials involved in permits is a criminal offence' });
    expect(flag.params).toMatchObject({ maturity: 1, riskType: 'bribery', threshold: 10, cellCount: 1, stages: 'permit_issuance', inherents: '10' });
    expect(flag.reason).toBe(
      'Art. 15 is at maturity 1, so national law does not establish bribery as an offence that reaches the permit chain, yet bribery has an inherent risk of 10 or more at: permit issuance (10).',
    );
    expect(flag.remedy.families.map((f) => f.id)).toEqual(['legal_framework']);
  });

  it('maturity 2 and inherent 10: not raised', () => {
    expect(run(2, 5, 2)).toEqual([]);
  });

  it('maturity 1 and inherent 9 (3 × 3): not raised', () => {
    expect(run(1, 3, 3)).toEqual([]);
  });

  it('maturity 0 and inherent 25: raised', () => {
    expect(run(0, 5, 5)).toHaveLength(1);
  });

  it('is raised once per risk type, naming every exposed cell in chain order', () => {
    const cells = chain([
      { stage: 'permit_issuance', riskType: 'bribery', likelihood: 5, impact: 2 },
      { stage: 'application_intake', riskType: 'bribery', likelihood: 4, impact: 4 },
      { stage: 'import_verification', riskType: 'bribery', likelihood: 3, impact: 3 },
    ]);
    const flags = flagsOf(assess(builtInSnapshot({ frameworks: ['uncac-7-12', PACK], criterionInputs: override(1), chain: cells })), 'offence-not-established');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.params).toMatchObject({ cellCount: 2, stages: 'application_intake,permit_issuance', inherents: '16,10' });
  });

  it('uses the final maturity: a legal_framework control at 1 raises it, at 2 does not', () => {
    const at = (maturity: number) =>
      flagsOf(
        assess(builtInSnapshot({ frameworks: ['uncac-7-12', PACK], controls: [registerControl({ uid: 'law', family: 'legal_framework', maturity })], chain: bribery(5, 2) })),
        'offence-not-established',
      ).filter((f) => f.subject.id === '15');
    expect(at(1)).toHaveLength(1);
    expect(at(2)).toEqual([]);
  });

  it('is not raised for a criterion the assessor marked not applicable', () => {
    const inputs = [input('15', { override: { maturity: 0, justification: 'x' }, applicability: { applicable: false, justification: 'Covered by a regional treaty body.' } })];
    const flags = flagsOf(assess(builtInSnapshot({ frameworks: ['uncac-7-12', PACK], criterionInputs: inputs, chain: bribery(5, 5) })), 'offence-not-established');
    expect(flags).toEqual([]);
  });

  it('is never raised without the pack, whatever the chain', () => {
    expect(run(0, 5, 5, ['uncac-7-12'])).toEqual([]);
  });

  it('document fraud has no offence criterion, so it never raises the flag', () => {
    const cells = chain([{ stage: 'permit_issuance', riskType: 'document_fraud', likelihood: 5, impact: 5 }]);
    const result = assess(builtInSnapshot({ frameworks: ['uncac-7-12', PACK], chain: cells }));
    expect(result.offences.some((o) => o.riskType === 'document_fraud')).toBe(false);
    expect(flagsOf(result, 'offence-not-established')).toEqual([]);
  });
});
