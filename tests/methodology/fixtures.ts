/**
 * Shared helpers for the methodology (PI-1) tests. Everything here is pure and
 * uses fixed dates: no test ever reads the clock.
 */
import type { FlagKind } from '../../shared/domain/vocabulary.js';
import type { AssessmentResult } from '../../shared/methodology/assess.js';
import type { Flag } from '../../shared/methodology/flags/types.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import type { Library } from '../../shared/library/library.js';
import { buildSnapshot, type RegisterControl } from '../../shared/snapshot/build.js';
import {
  snapshotSchema,
  type ChainInput,
  type CriterionInput,
  type PermitSignals,
  type Snapshot,
  type SnapshotControl,
  type SnapshotCriterion,
  type SnapshotEvidence,
  type SnapshotFamily,
} from '../../shared/snapshot/schema.js';

/** The fixed as-of date most tests use. */
export const AS_OF = '2026-06-30';

/** Moves an ISO date by whole days (UTC arithmetic, no time zone, no clock). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function ev(uid: string, date: string, expiry: string | null = null): SnapshotEvidence {
  return { uid, title: `Evidence ${uid}`, date, expiry, sha256: null, size: null };
}

/** A snapshot control (stages and risk types already resolved). */
export function snapControl(overrides: Partial<SnapshotControl> & { uid?: string } = {}): SnapshotControl {
  return {
    uid: 'ctl-1',
    family: 'fam_a',
    title: 'Control one',
    maturity: 3,
    lastReviewed: '2026-01-15',
    stages: ['s1'],
    riskTypes: ['r1'],
    evidence: [],
    ...overrides,
  };
}

// ---------------------------------------------------------------------------
// A small hand-built world for flag and criterion tests.
//   families: core_a, core_b (core); fam_c, fam_d (not core)
//   stages s1, s2; risk types r1, r2; one framework "mini" with articles A1, A2
// Every family covers only s1 × r1 unless said otherwise, so the chain is
// easy to reason about.
// ---------------------------------------------------------------------------

export const MINI_FAMILIES: SnapshotFamily[] = [
  { id: 'core_a', title: 'Core A', core: true, stages: ['s1'], riskTypes: ['r1'], recommendation: 'Recommendation for Core A.' },
  { id: 'core_b', title: 'Core B', core: true, stages: ['s1'], riskTypes: ['r1'], recommendation: 'Recommendation for Core B.' },
  { id: 'fam_c', title: 'Family C', core: false, stages: ['s1'], riskTypes: ['r1'], recommendation: 'Recommendation for Family C.' },
  { id: 'fam_d', title: 'Family D', core: false, stages: ['s2'], riskTypes: ['r2'], recommendation: 'Recommendation for Family D.' },
];

export function crit(id: string, overrides: Partial<SnapshotCriterion> = {}): SnapshotCriterion {
  return {
    id,
    frameworkId: 'mini',
    article: 'A1',
    paragraph: id,
    obligation: 'mandatory',
    title: `Criterion ${id}`,
    weight: 1,
    target: 0,
    applicable: true,
    notApplicableReason: null,
    facets: [['core_a']],
    stages: [],
    ...overrides,
  };
}

/**
 * A control with no noise: reviewed within 12 months and with evidence dated
 * within 24 months, so it raises no control flag unless a test wants one.
 */
export function ctl(uid: string, family: string, maturity: number, overrides: Partial<SnapshotControl> = {}): SnapshotControl {
  const fam = MINI_FAMILIES.find((f) => f.id === family);
  return {
    uid,
    family,
    title: `Control ${uid}`,
    maturity,
    lastReviewed: '2026-01-15',
    stages: fam ? [...fam.stages] : ['s1'],
    riskTypes: fam ? [...fam.riskTypes] : ['r1'],
    evidence: [ev(`${uid}-e1`, '2026-05-01')],
    ...overrides,
  };
}

export function input(criterionId: string, overrides: Partial<CriterionInput> = {}): CriterionInput {
  return { criterionId, override: null, applicability: null, notes: '', ...overrides };
}

export interface MiniOptions {
  asOf?: string;
  criteria?: SnapshotCriterion[];
  controls?: SnapshotControl[];
  criterionInputs?: CriterionInput[];
  /** Cells given here replace the default L=1, I=1 cell. */
  chain?: ChainInput[];
  families?: SnapshotFamily[];
}

/** A hand-built, schema-valid snapshot. Default chain: every cell L=1, I=1 (inherent 1, low). */
export function mini(options: MiniOptions = {}): Snapshot {
  const stages = [
    { id: 's1', title: 'Stage One' },
    { id: 's2', title: 'Stage Two' },
  ];
  const riskTypes = [
    { id: 'r1', title: 'Risk One' },
    { id: 'r2', title: 'Risk Two' },
  ];
  const given = new Map((options.chain ?? []).map((c) => [`${c.stage}/${c.riskType}`, c]));
  const chain = stages.flatMap((s) =>
    riskTypes.map((r) => given.get(`${s.id}/${r.id}`) ?? { stage: s.id, riskType: r.id, likelihood: 1, impact: 1 }),
  );
  const snapshot: Snapshot = {
    methodology: 'PI-1',
    asOf: options.asOf ?? AS_OF,
    authority: { uid: 'auth-1', name: 'Test Authority' },
    assessment: { uid: 'asm-1', title: 'Test assessment' },
    frameworks: [{ id: 'mini', version: '1', title: 'Mini framework' }],
    articles: [
      { frameworkId: 'mini', id: 'A1', title: 'Article one' },
      { frameworkId: 'mini', id: 'A2', title: 'Article two' },
    ],
    families: options.families ?? MINI_FAMILIES,
    stages,
    riskTypes,
    criteria: options.criteria ?? [],
    controls: options.controls ?? [],
    criterionInputs: options.criterionInputs ?? [],
    chain,
  };
  // Fail loudly if a fixture itself is malformed, so a test never passes on bad input.
  return snapshotSchema.parse(snapshot);
}

/** Controls in both core families at maturity 4 (so no missing-core-family flag). */
export function coreControls(): SnapshotControl[] {
  return [ctl('core-a-1', 'core_a', 4), ctl('core-b-1', 'core_b', 4)];
}

export function flagsOf(result: AssessmentResult, kind: FlagKind): Flag[] {
  return result.flags.filter((f) => f.kind === kind);
}

// ---------------------------------------------------------------------------
// Built-in library helpers
// ---------------------------------------------------------------------------

let cached: Library | undefined;
export function library(): Library {
  cached ??= builtInLibrary();
  return cached;
}

export function registerControl(overrides: Partial<RegisterControl> = {}): RegisterControl {
  return {
    uid: 'rc-1',
    family: 'vetting',
    title: 'Vetting of permit officers',
    maturity: 2,
    lastReviewed: '2026-01-15',
    stages: null,
    riskTypes: null,
    evidence: [],
    ...overrides,
  };
}

export interface BuiltInOptions {
  asOf?: string;
  frameworks?: readonly string[];
  controls?: readonly RegisterControl[];
  criterionInputs?: readonly CriterionInput[];
  chain?: readonly ChainInput[];
  lib?: Library;
  permitSignals?: PermitSignals;
}

export function builtInSnapshot(options: BuiltInOptions = {}): Snapshot {
  return buildSnapshot({
    library: options.lib ?? library(),
    authority: { uid: 'auth-1', name: 'Test Management Authority' },
    assessment: { uid: 'asm-1', title: 'Baseline', asOf: options.asOf ?? AS_OF, frameworks: options.frameworks ?? ['uncac-7-12'] },
    controls: options.controls ?? [],
    criterionInputs: options.criterionInputs ?? [],
    chain: options.chain ?? [],
    permitSignals: options.permitSignals ?? null,
  });
}

/** A minimal valid custom framework file (as a consultant would import it). */
export function customFrameworkData(): {
  kind: string;
  id: string;
  version: string;
  title: string;
  source: string;
  scoredByDefault: boolean;
  articles: Array<{ id: string; title: string }>;
  families: unknown[];
  criteria: Array<Record<string, unknown>>;
} {
  return {
    kind: 'permit-integrity/framework',
    id: 'consultant-x',
    version: '1.0',
    title: 'Consultant X criteria',
    source: 'Consultant X methodology note',
    scoredByDefault: false,
    articles: [{ id: 'X', title: 'Article X' }],
    families: [],
    criteria: [
      {
        id: 'X.1',
        article: 'X',
        paragraph: 'X.1',
        obligation: 'mandatory',
        title: 'Vetting in place',
        text: 'The authority shall vet its staff.',
        guidance: ['none', 'ad hoc', 'documented', 'implemented', 'monitored'],
        weight: 2,
        target: 3,
        applicable: true,
        notApplicableReason: null,
        facets: [['vetting']],
        stages: ['permit_issuance'],
      },
    ],
  };
}
