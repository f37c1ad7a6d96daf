import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_BANDS, SEVERITIES, FLAG_KINDS } from '../../shared/domain/vocabulary.js';
import { BUILT_IN_FRAMEWORK_IDS } from '../../shared/library/builtin.js';
import { criteriaOf } from '../../shared/library/library.js';
import { assess, type AssessmentResult } from '../../shared/methodology/assess.js';
import { canonicalJson, snapshotDigest } from '../../shared/snapshot/canonical.js';
import type { RegisterControl } from '../../shared/snapshot/build.js';
import { snapshotSchema, type ChainInput, type CriterionInput, type Snapshot } from '../../shared/snapshot/schema.js';
import { AS_OF, addDays, builtInSnapshot, library } from './fixtures.js';

// ---------------------------------------------------------------------------
// Random registers over the built-in library, always at the fixed AS_OF date.
// ---------------------------------------------------------------------------

const lib = library();
const FAMILY_IDS = [...lib.families.keys()];
const STAGE_IDS = lib.stages.map((s) => s.id);
const RISK_IDS = lib.riskTypes.map((r) => r.id);
const CRITERION_IDS = criteriaOf(lib, [...BUILT_IN_FRAMEWORK_IDS]).map((c) => c.id);
const RUNS = { numRuns: 200 };

interface Scenario {
  frameworks: string[];
  controls: RegisterControl[];
  criterionInputs: CriterionInput[];
  chain: ChainInput[];
}

/** A date between ~40 months before and ~3 months after the as-of date. */
const dateArb = fc.integer({ min: -1230, max: 90 }).map((d) => addDays(AS_OF, d));

const evidenceSpecArb = fc.record({
  date: dateArb,
  /** days from the evidence date to its expiry, or none */
  expiresAfter: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
});

const controlSpecArb = fc.record({
  family: fc.constantFrom(...FAMILY_IDS),
  maturity: fc.integer({ min: 0, max: 4 }),
  lastReviewed: fc.option(dateArb, { nil: null }),
  stages: fc.option(fc.subarray(STAGE_IDS), { nil: null }),
  riskTypes: fc.option(fc.subarray(RISK_IDS), { nil: null }),
  evidence: fc.array(evidenceSpecArb, { maxLength: 3 }),
});

const controlsArb = fc.array(controlSpecArb, { maxLength: 25 }).map((specs) =>
  specs.map(
    (spec, i): RegisterControl => ({
      uid: `c${String(i).padStart(2, '0')}`,
      family: spec.family,
      title: `Control ${i}`,
      maturity: spec.maturity,
      lastReviewed: spec.lastReviewed,
      stages: spec.stages,
      riskTypes: spec.riskTypes,
      evidence: spec.evidence.map((e, j) => ({
        uid: `c${i}-e${j}`,
        title: `Evidence ${j}`,
        date: e.date,
        expiry: e.expiresAfter === null ? null : addDays(e.date, e.expiresAfter),
        sha256: null,
        size: null,
      })),
    }),
  ),
);

const inputsArb = fc.uniqueArray(
  fc.record({
    criterionId: fc.constantFrom(...CRITERION_IDS),
    override: fc.option(fc.record({ maturity: fc.integer({ min: 0, max: 4 }), justification: fc.constant('assessor judgement after interviews') }), {
      nil: null,
    }),
    applicability: fc.option(fc.record({ applicable: fc.boolean(), justification: fc.constant('scope agreed with the authority') }), {
      nil: null,
    }),
    notes: fc.constant(''),
  }),
  { selector: (i) => i.criterionId, maxLength: CRITERION_IDS.length },
);

const chainArb = fc.uniqueArray(
  fc.record({
    stage: fc.constantFrom(...STAGE_IDS),
    riskType: fc.constantFrom(...RISK_IDS),
    likelihood: fc.integer({ min: 1, max: 5 }),
    impact: fc.integer({ min: 1, max: 5 }),
  }),
  { selector: (c) => `${c.stage}/${c.riskType}`, maxLength: STAGE_IDS.length * RISK_IDS.length },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  frameworks: fc.constantFrom(['uncac-7-12'], ['uncac-extended'], ['uncac-7-12', 'uncac-extended']),
  controls: controlsArb,
  criterionInputs: inputsArb,
  chain: chainArb,
});

function snapshotOf(scenario: Scenario): Snapshot {
  return builtInSnapshot({ ...scenario, asOf: AS_OF });
}

function inRange(score: number | null): boolean {
  return score === null || (score >= 0 && score <= 100);
}

function scoresOf(result: AssessmentResult): Array<number | null> {
  return [result.overall.score, ...result.articles.map((a) => a.score)];
}

// ---------------------------------------------------------------------------

describe('properties of PI-1 over random registers', () => {
  it('the generated snapshots are valid snapshots', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(snapshotSchema.safeParse(snapshotOf(scenario)).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('overall and article scores stay within 0-100 (or null), on one decimal', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = assess(snapshotOf(scenario));
        for (const score of scoresOf(result)) {
          expect(inRange(score)).toBe(true);
          if (score !== null) expect(Math.round(score * 10)).toBeCloseTo(score * 10, 6);
        }
        // null exactly when nothing is applicable
        const applicable = result.criteria.filter((c) => c.applicable).length;
        expect(result.overall.score === null).toBe(applicable === 0);
      }),
      RUNS,
    );
  });

  it('coverage percent stays within 0-100 and counts the applicable criteria', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = assess(snapshotOf(scenario));
        for (const cov of [result.overall.coverage, ...result.articles.map((a) => a.coverage)]) {
          expect(cov.met).toBeGreaterThanOrEqual(0);
          expect(cov.met).toBeLessThanOrEqual(cov.total);
          if (cov.total === 0) expect(cov.percent).toBeNull();
          else {
            expect(cov.percent).not.toBeNull();
            expect(cov.percent!).toBeGreaterThanOrEqual(0);
            expect(cov.percent!).toBeLessThanOrEqual(100);
          }
        }
        const applicable = result.criteria.filter((c) => c.applicable);
        expect(result.overall.coverage.total).toBe(applicable.length);
        expect(result.overall.coverage.met).toBe(applicable.filter((c) => c.final >= c.target).length);
      }),
      RUNS,
    );
  });

  it('raising one control’s maturity never lowers any score and never raises any residual', () => {
    const arb = scenarioArb
      .filter((s) => s.controls.some((c) => c.maturity < 4))
      .chain((scenario) => {
        const raisable = scenario.controls.map((c, i) => [c, i] as const).filter(([c]) => c.maturity < 4);
        return fc.record({
          scenario: fc.constant(scenario),
          index: fc.constantFrom(...raisable.map(([, i]) => i)),
          step: fc.integer({ min: 1, max: 4 }),
        });
      });
    fc.assert(
      fc.property(arb, ({ scenario, index, step }) => {
        const before = assess(snapshotOf(scenario));
        const controls = scenario.controls.map((c, i) => (i === index ? { ...c, maturity: Math.min(4, c.maturity + step) } : c));
        const after = assess(snapshotOf({ ...scenario, controls }));

        const [b, a] = [scoresOf(before), scoresOf(after)];
        b.forEach((score, i) => {
          if (score === null) expect(a[i]).toBeNull();
          else expect(a[i]!).toBeGreaterThanOrEqual(score);
        });
        before.criteria.forEach((c, i) => expect(after.criteria[i]!.final).toBeGreaterThanOrEqual(c.final));
        expect(after.overall.coverage.met).toBeGreaterThanOrEqual(before.overall.coverage.met);
        before.chain.forEach((cell, i) => {
          const next = after.chain[i]!;
          expect([next.stage, next.riskType]).toEqual([cell.stage, cell.riskType]);
          expect(next.residual).toBeLessThanOrEqual(cell.residual);
          expect(RISK_BANDS.indexOf(next.band)).toBeLessThanOrEqual(RISK_BANDS.indexOf(cell.band));
        });
      }),
      RUNS,
    );
  });

  it('marking criteria not applicable scores the same as removing them from the snapshot', () => {
    const arb = fc.record({ scenario: scenarioArb, drop: fc.subarray(CRITERION_IDS) });
    fc.assert(
      fc.property(arb, ({ scenario, drop }) => {
        const dropped = new Set(drop);
        // A: the assessor marks each dropped criterion not applicable (keeping any override)
        const existing = new Map(scenario.criterionInputs.map((i) => [i.criterionId, i]));
        const marked: CriterionInput[] = [
          ...scenario.criterionInputs.filter((i) => !dropped.has(i.criterionId)),
          ...drop.map((id) => ({
            criterionId: id,
            override: existing.get(id)?.override ?? null,
            applicability: { applicable: false, justification: 'outside the authority’s remit' },
            notes: '',
          })),
        ];
        const viaApplicability = assess(snapshotOf({ ...scenario, criterionInputs: marked }));
        // B: the dropped criteria (and their inputs) are simply not in the snapshot
        const full = snapshotOf(scenario);
        const removed: Snapshot = {
          ...full,
          criteria: full.criteria.filter((c) => !dropped.has(c.id)),
          criterionInputs: full.criterionInputs.filter((i) => !dropped.has(i.criterionId)),
        };
        const viaRemoval = assess(removed);

        expect(viaApplicability.overall.score).toBe(viaRemoval.overall.score);
        expect(viaApplicability.overall.coverage).toEqual(viaRemoval.overall.coverage);
        expect(viaApplicability.articles.map((a) => a.score)).toEqual(viaRemoval.articles.map((a) => a.score));
        // and no dropped criterion is flagged
        const flagged = viaApplicability.flags.filter((f) => f.kind === 'criterion-below-target').map((f) => f.subject.id);
        for (const id of flagged) expect(dropped.has(id)).toBe(false);
      }),
      RUNS,
    );
  });

  it('assess is deterministic: same snapshot, equal results and equal canonical JSON; the snapshot is not mutated', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const snapshot = snapshotOf(scenario);
        const copy = structuredClone(snapshot);
        const first = assess(snapshot);
        const second = assess(snapshot);
        const third = assess(copy);
        expect(second).toEqual(first);
        expect(third).toEqual(first);
        expect(canonicalJson(second)).toBe(canonicalJson(first));
        expect(canonicalJson(third)).toBe(canonicalJson(first));
        expect(snapshot).toEqual(copy);
      }),
      RUNS,
    );
  });

  it('the order the register lists things in changes neither the snapshot digest nor the result', () => {
    const arb = scenarioArb.chain((scenario) =>
      fc.record({
        scenario: fc.constant(scenario),
        shuffled: fc.record({
          controls: fc.shuffledSubarray(scenario.controls, { minLength: scenario.controls.length }),
          criterionInputs: fc.shuffledSubarray(scenario.criterionInputs, { minLength: scenario.criterionInputs.length }),
          chain: fc.shuffledSubarray(scenario.chain, { minLength: scenario.chain.length }),
        }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ scenario, shuffled }) => {
        const a = snapshotOf(scenario);
        const b = snapshotOf({ ...scenario, ...shuffled });
        expect(snapshotDigest(b)).toBe(snapshotDigest(a));
        expect(canonicalJson(assess(b))).toBe(canonicalJson(assess(a)));
      }),
      RUNS,
    );
  });

  it('chain invariants: 0 ≤ mitigation ≤ 1, residual ≤ inherent, band never above the inherent band', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = assess(snapshotOf(scenario));
        expect(result.chain).toHaveLength(STAGE_IDS.length * RISK_IDS.length);
        for (const cell of result.chain) {
          expect(cell.inherent).toBe(cell.likelihood * cell.impact);
          expect(cell.mitigation).toBeGreaterThanOrEqual(0);
          expect(cell.mitigation).toBeLessThanOrEqual(1);
          expect(cell.residual).toBeLessThanOrEqual(cell.inherent);
          expect(RISK_BANDS.indexOf(cell.band)).toBeLessThanOrEqual(RISK_BANDS.indexOf(cell.inherentBand));
        }
      }),
      RUNS,
    );
  });

  it('flags agree with the numbers they are about, and come sorted by severity', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = assess(snapshotOf(scenario));
        // criterion-below-target exactly for applicable criteria with target > 0 and final < target
        const gaps = result.criteria.filter((c) => c.applicable && c.target > 0 && c.final < c.target).map((c) => c.id);
        const gapFlags = result.flags.filter((f) => f.kind === 'criterion-below-target').map((f) => f.subject.id);
        expect([...gapFlags].sort()).toEqual([...gaps].sort());
        // chain-residual-risk exactly for high / critical cells, at the band
        const hot = result.chain.filter((c) => c.band === 'high' || c.band === 'critical');
        const chainFlags = result.flags.filter((f) => f.kind === 'chain-residual-risk');
        expect(chainFlags.map((f) => f.subject.id).sort()).toEqual(hot.map((c) => `${c.stage}/${c.riskType}`).sort());
        for (const flag of chainFlags) {
          expect(flag.severity).toBe(hot.find((c) => `${c.stage}/${c.riskType}` === flag.subject.id)!.band);
        }
        // unsupported-claim exactly for controls whose claim was cut to 2
        const unsupported = result.controls.filter((c) => c.unsupported).map((c) => c.uid);
        expect(result.flags.filter((f) => f.kind === 'unsupported-claim').map((f) => f.subject.id).sort()).toEqual(unsupported.sort());
        for (const control of result.controls) {
          expect(control.effective).toBeLessThanOrEqual(control.stated);
          if (control.unsupported) expect(control.effective).toBe(2);
        }
        // order and counts
        for (let i = 1; i < result.flags.length; i++) {
          const prev = result.flags[i - 1]!;
          const next = result.flags[i]!;
          const bySeverity = SEVERITIES.indexOf(prev.severity) - SEVERITIES.indexOf(next.severity);
          expect(bySeverity).toBeLessThanOrEqual(0);
          if (bySeverity === 0) expect(FLAG_KINDS.indexOf(prev.kind)).toBeLessThanOrEqual(FLAG_KINDS.indexOf(next.kind));
        }
        const total = Object.values(result.flagCounts).reduce((a, b) => a + b, 0);
        expect(total).toBe(result.flags.length);
      }),
      RUNS,
    );
  });

  it('reusing the control layer (same controls, new inputs) scores exactly as a fresh copy does', () => {
    fc.assert(
      fc.property(scenarioArb, inputsArb, chainArb, (scenario, inputs, chain) => {
        const first = snapshotOf(scenario);
        assess(first);
        // The same controls and families arrays with other inputs: the memoised layer is reused.
        const edited = { ...first, criterionInputs: inputs, chain: first.chain.map((cell) => chain.find((c) => c.stage === cell.stage && c.riskType === cell.riskType) ?? cell) };
        expect(assess(edited)).toEqual(assess(structuredClone(edited)));
      }),
      { numRuns: 100 },
    );
  });
});
