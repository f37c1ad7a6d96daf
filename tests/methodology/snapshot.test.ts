import { describe, expect, it } from 'vitest';
import { assess } from '../../shared/methodology/assess.js';
import { canonicalJson, sha256Hex, snapshotDigest } from '../../shared/snapshot/canonical.js';
import { snapshotSchema } from '../../shared/snapshot/schema.js';
import { AS_OF, builtInSnapshot, ev, input, library, registerControl } from './fixtures.js';

describe('canonicalJson', () => {
  it('sorts object keys at every depth, keeps array order, has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
    expect(canonicalJson([{ z: 1, y: 2 }, { x: null }])).toBe('[{"y":2,"z":1},{"x":null}]');
  });

  it('gives the same text whatever the key insertion order', () => {
    expect(canonicalJson({ a: 1, b: 2, c: { e: 5, d: 4 } })).toBe(canonicalJson({ c: { d: 4, e: 5 }, b: 2, a: 1 }));
  });

  it('drops undefined properties (as JSON does) and rejects non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/non-finite/);
  });
});

describe('digest', () => {
  it('sha256Hex matches the known SHA-256 of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is the SHA-256 of the canonical JSON, stable across key order and copies', () => {
    const snapshot = builtInSnapshot({ controls: [registerControl()] });
    const digest = snapshotDigest(snapshot);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(sha256Hex(canonicalJson(snapshot)));
    expect(snapshotDigest(structuredClone(snapshot))).toBe(digest);
    const reordered = Object.fromEntries(Object.entries(snapshot).reverse());
    expect(snapshotDigest(reordered)).toBe(digest);
  });

  it('a one-character change changes the digest', () => {
    const snapshot = builtInSnapshot({ controls: [registerControl({ title: 'Vetting A' })] });
    const changed = structuredClone(snapshot);
    changed.controls[0]!.title = 'Vetting B';
    expect(snapshotDigest(changed)).not.toBe(snapshotDigest(snapshot));
    const asOfChanged = { ...snapshot, asOf: '2026-06-29' };
    expect(snapshotDigest(asOfChanged)).not.toBe(snapshotDigest(snapshot));
  });

  it('equal registers given in a different order give the same digest', () => {
    const a = registerControl({ uid: 'a', evidence: [ev('e2', '2026-01-01'), ev('e1', '2025-01-01')] });
    const b = registerControl({ uid: 'b', family: 'code_of_conduct' });
    const inputs = [input('7.1(a)', { notes: 'x' }), input('12.1', { notes: 'y' })];
    const chain = [
      { stage: 'permit_issuance', riskType: 'bribery', likelihood: 5, impact: 5 },
      { stage: 'application_intake', riskType: 'concealment', likelihood: 1, impact: 2 },
    ];
    const one = builtInSnapshot({ controls: [a, b], criterionInputs: inputs, chain });
    const two = builtInSnapshot({
      controls: [b, { ...a, evidence: [...a.evidence].reverse() }],
      criterionInputs: [...inputs].reverse(),
      chain: [...chain].reverse(),
    });
    expect(canonicalJson(two)).toBe(canonicalJson(one));
    expect(snapshotDigest(two)).toBe(snapshotDigest(one));
  });
});

describe('buildSnapshot', () => {
  const lib = library();

  it('produces a snapshot that satisfies the schema, with methodology PI-1 and the as-of date', () => {
    const snapshot = builtInSnapshot({ controls: [registerControl()] });
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
    expect(snapshot.methodology).toBe('PI-1');
    expect(snapshot.asOf).toBe(AS_OF);
  });

  it('resolves null stages and risk types to the family defaults; keeps explicit ones', () => {
    const snapshot = builtInSnapshot({
      controls: [
        registerControl({ uid: 'default', family: 'rotation', stages: null, riskTypes: null }),
        registerControl({ uid: 'explicit', family: 'rotation', stages: ['permit_issuance'], riskTypes: ['bribery'] }),
        registerControl({ uid: 'mixed', family: 'rotation', stages: ['permit_issuance'], riskTypes: null }),
      ],
    });
    const rotation = lib.families.get('rotation')!;
    const byUid = new Map(snapshot.controls.map((c) => [c.uid, c]));
    expect(byUid.get('default')!.stages).toEqual(rotation.stages);
    expect(byUid.get('default')!.riskTypes).toEqual(rotation.riskTypes);
    expect(byUid.get('explicit')!.stages).toEqual(['permit_issuance']);
    expect(byUid.get('explicit')!.riskTypes).toEqual(['bribery']);
    expect(byUid.get('mixed')!.stages).toEqual(['permit_issuance']);
    expect(byUid.get('mixed')!.riskTypes).toEqual(rotation.riskTypes);
    // a copy, not the library's own array
    expect(byUid.get('default')!.stages).not.toBe(rotation.stages);
  });

  it('fills every cell missing from the register from the profile, and keeps the cells given', () => {
    const snapshot = builtInSnapshot({ chain: [{ stage: 'permit_issuance', riskType: 'bribery', likelihood: 1, impact: 2 }] });
    // 8 stages × 7 risk types = 56 cells
    expect(snapshot.chain).toHaveLength(56);
    for (const cell of snapshot.chain) {
      if (cell.stage === 'permit_issuance' && cell.riskType === 'bribery') {
        expect(cell).toEqual({ stage: 'permit_issuance', riskType: 'bribery', likelihood: 1, impact: 2 });
      } else {
        expect(cell.likelihood).toBe(lib.chainProfile.likelihoodByStage[cell.stage]);
        expect(cell.impact).toBe(lib.chainProfile.impactByRiskType[cell.riskType]);
      }
    }
    // profile: scientific_advice_ndf likelihood 2, laundering impact 4 → 2 × 4 = 8
    const result = assess(snapshot);
    expect(result.chain.find((c) => c.stage === 'scientific_advice_ndf' && c.riskType === 'laundering')!.inherent).toBe(8);
  });

  it('ignores a register cell for a stage the library does not know', () => {
    const snapshot = builtInSnapshot({ chain: [{ stage: 'no_such_stage', riskType: 'bribery', likelihood: 5, impact: 5 }] });
    expect(snapshot.chain).toHaveLength(56);
    expect(snapshot.chain.some((c) => c.stage === 'no_such_stage')).toBe(false);
  });

  it('copies only the criteria of the frameworks in scope, and only their inputs', () => {
    const core = builtInSnapshot({ frameworks: ['uncac-7-12'], criterionInputs: [input('7.1(a)'), input('8.2'), input('nope')] });
    expect(core.criteria).toHaveLength(16);
    expect(core.criterionInputs.map((i) => i.criterionId)).toEqual(['7.1(a)']);
    expect(core.articles.map((a) => a.id)).toEqual(['7', '12']);
    const both = builtInSnapshot({ frameworks: ['uncac-7-12', 'uncac-extended'], criterionInputs: [input('8.2'), input('7.1(a)')] });
    expect(both.criteria).toHaveLength(23);
    expect(both.criterionInputs.map((i) => i.criterionId)).toEqual(['7.1(a)', '8.2']);
  });

  it('sorts controls and their evidence by uid', () => {
    const snapshot = builtInSnapshot({
      controls: [
        registerControl({ uid: 'z', evidence: [ev('e9', '2025-01-01'), ev('e1', '2025-02-01')] }),
        registerControl({ uid: 'a' }),
      ],
    });
    expect(snapshot.controls.map((c) => c.uid)).toEqual(['a', 'z']);
    expect(snapshot.controls[1]!.evidence.map((e) => e.uid)).toEqual(['e1', 'e9']);
  });

  it('refuses an unknown framework or a control in an unknown family', () => {
    expect(() => builtInSnapshot({ frameworks: ['nope'] })).toThrow(/unknown framework "nope"/);
    expect(() => builtInSnapshot({ controls: [registerControl({ uid: 'x', family: 'astrology' })] })).toThrow(/unknown family "astrology"/);
  });

  it('does not mutate its source', () => {
    const controls = [registerControl({ uid: 'z' }), registerControl({ uid: 'a', evidence: [ev('e2', '2025-01-01'), ev('e1', '2025-01-01')] })];
    const inputs = [input('7.4'), input('7.1(a)')];
    const before = structuredClone({ controls, inputs });
    builtInSnapshot({ controls, criterionInputs: inputs });
    expect({ controls, inputs }).toEqual(before);
  });
});

describe('snapshotSchema guards the inputs PI-1 relies on', () => {
  const base = builtInSnapshot({ controls: [registerControl({ uid: 'a' })] });

  function withInput(override: unknown, applicability: unknown = null): unknown {
    return { ...base, criterionInputs: [{ criterionId: '7.1(a)', override, applicability, notes: '' }] };
  }

  it('accepts an override and an applicability change that carry a justification', () => {
    expect(snapshotSchema.safeParse(withInput({ maturity: 3, justification: 'seen on site' }, { applicable: false, justification: 'n/a here' })).success).toBe(true);
  });

  it('refuses an override or applicability change without a written justification', () => {
    expect(snapshotSchema.safeParse(withInput({ maturity: 3, justification: '' })).success).toBe(false);
    expect(snapshotSchema.safeParse(withInput({ maturity: 3, justification: '   ' })).success).toBe(false);
    expect(snapshotSchema.safeParse(withInput(null, { applicable: false, justification: ' ' })).success).toBe(false);
    expect(snapshotSchema.safeParse(withInput({ maturity: 3 })).success).toBe(false);
  });

  it('refuses a maturity outside 0-4, L or I outside 1-5, and an impossible date', () => {
    expect(snapshotSchema.safeParse(withInput({ maturity: 5, justification: 'x' })).success).toBe(false);
    const badControl = structuredClone(base);
    badControl.controls[0]!.maturity = 5;
    expect(snapshotSchema.safeParse(badControl).success).toBe(false);
    const badCell = structuredClone(base);
    badCell.chain[0]!.likelihood = 6;
    expect(snapshotSchema.safeParse(badCell).success).toBe(false);
    const zeroImpact = structuredClone(base);
    zeroImpact.chain[0]!.impact = 0;
    expect(snapshotSchema.safeParse(zeroImpact).success).toBe(false);
    expect(snapshotSchema.safeParse({ ...base, asOf: '2026-02-30' }).success).toBe(false);
    expect(snapshotSchema.safeParse({ ...base, asOf: '2026-6-30' }).success).toBe(false);
  });
});

describe('buildSnapshot family scope', () => {
  it('leaves out families that only an out-of-scope custom framework defines', async () => {
    const { builtInLibrary, builtInBase } = await import('../../shared/library/builtin.js');
    const { parseFramework } = await import('../../shared/library/load.js');
    const { buildSnapshot } = await import('../../shared/snapshot/build.js');
    const { assess } = await import('../../shared/methodology/assess.js');
    const custom = parseFramework('custom.json', {
      kind: 'permit-integrity/framework', id: 'custom-x', version: '1', title: 'Custom', source: 'test', scoredByDefault: false,
      articles: [{ id: 'X', title: 'X' }],
      families: [{ id: 'custom_core', title: 'Custom core', core: true, description: 'd', stages: [], riskTypes: [], recommendation: 'r' }],
      criteria: [{ id: 'X.1', article: 'X', paragraph: 'X.1', obligation: 'mandatory', title: 't', text: 't', guidance: ['0', '1', '2', '3', '4'], weight: 1, target: 2, applicable: true, notApplicableReason: null, facets: [['custom_core']], stages: [] }],
    }, builtInBase());
    const library = builtInLibrary([custom]);
    const source = { library, authority: { uid: 'a', name: 'A' }, controls: [], criterionInputs: [], chain: [] };
    const without = buildSnapshot({ ...source, assessment: { uid: 's', title: 'S', asOf: '2026-01-01', frameworks: ['uncac-7-12'] } });
    const withIt = buildSnapshot({ ...source, assessment: { uid: 's', title: 'S', asOf: '2026-01-01', frameworks: ['uncac-7-12', 'custom-x'] } });
    expect(without.families.map((f) => f.id)).not.toContain('custom_core');
    expect(withIt.families.map((f) => f.id)).toContain('custom_core');
    expect(assess(without).flags.some((f) => f.subject.id === 'custom_core')).toBe(false);
    expect(assess(withIt).flags.some((f) => f.kind === 'missing-core-family' && f.subject.id === 'custom_core')).toBe(true);
  });
});
