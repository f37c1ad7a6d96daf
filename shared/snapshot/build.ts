import { compareStrings } from '../domain/compare.js';
import { criteriaOf, type Library } from '../library/library.js';
import { defaultChainInputs } from '../methodology/chain.js';
import { METHODOLOGY_ID } from '../methodology/version.js';
import type { ChainInput, CriterionInput, PermitSignals, Snapshot, SnapshotEvidence } from './schema.js';

/** A control as the register holds it: stages and risk types null means "the family's defaults". */
export interface RegisterControl {
  uid: string;
  family: string;
  title: string;
  maturity: number;
  lastReviewed: string | null;
  stages: string[] | null;
  riskTypes: string[] | null;
  evidence: SnapshotEvidence[];
}

export interface SnapshotSource {
  library: Library;
  authority: { uid: string; name: string };
  assessment: { uid: string; title: string; asOf: string; frameworks: readonly string[] };
  controls: readonly RegisterControl[];
  criterionInputs: readonly CriterionInput[];
  chain: readonly ChainInput[];
  /** PI-1.2 counts for the as-of date; left out of the snapshot when absent. */
  permitSignals?: PermitSignals | null;
}

/**
 * Freezes what PI-1 needs from the library and the register into one
 * snapshot. Only the families, criteria and cells in scope are copied, in a
 * fixed order, so equal registers give byte-identical canonical JSON.
 */
export function buildSnapshot(source: SnapshotSource): Snapshot {
  const { library, assessment } = source;
  const frameworks = assessment.frameworks.map((id) => {
    const framework = library.frameworks.get(id);
    if (!framework) throw new Error(`assessment ${assessment.uid} refers to unknown framework "${id}"`);
    return framework;
  });
  const criteria = criteriaOf(library, assessment.frameworks);

  return {
    methodology: METHODOLOGY_ID,
    asOf: assessment.asOf,
    authority: { uid: source.authority.uid, name: source.authority.name },
    assessment: { uid: assessment.uid, title: assessment.title },
    // Optional keys are added only when set: a snapshot without the pack keeps the bytes (and digest) it always had.
    frameworks: frameworks.map((f) => ({ id: f.id, version: f.version, title: f.title, ...(f.scoredSeparately ? { scoredSeparately: true as const } : {}) })),
    articles: frameworks.flatMap((f) => f.articles.map((a) => ({ frameworkId: f.id, id: a.id, title: a.title }))),
    families: familiesInScope(library, assessment.frameworks).map((f) => ({
      id: f.id,
      title: f.title,
      core: f.core,
      stages: [...f.stages],
      riskTypes: [...f.riskTypes],
      recommendation: f.recommendation,
    })),
    stages: library.stages.map((s) => ({ id: s.id, title: s.title })),
    riskTypes: library.riskTypes.map((r) => ({ id: r.id, title: r.title })),
    criteria: criteria.map((c) => ({
      id: c.id,
      frameworkId: c.frameworkId,
      article: c.article,
      paragraph: c.paragraph,
      obligation: c.obligation,
      title: c.title,
      weight: c.weight,
      target: c.target,
      applicable: c.applicable,
      notApplicableReason: c.notApplicableReason,
      facets: c.facets.map((facet) => [...facet]),
      stages: [...c.stages],
      ...(c.riskType ? { riskType: c.riskType } : {}),
    })),
    controls: [...source.controls]
      .sort((a, b) => compareStrings(a.uid, b.uid))
      .map((control) => {
        const family = library.families.get(control.family);
        if (!family) throw new Error(`control ${control.uid} belongs to unknown family "${control.family}"`);
        return {
          uid: control.uid,
          family: control.family,
          title: control.title,
          maturity: control.maturity,
          lastReviewed: control.lastReviewed,
          stages: [...(control.stages ?? family.stages)],
          riskTypes: [...(control.riskTypes ?? family.riskTypes)],
          evidence: [...control.evidence].sort((a, b) => compareStrings(a.uid, b.uid)),
        };
      }),
    ...inputsPart(library, new Set(criteria.map((c) => c.id)), source.criterionInputs, source.chain),
    // PI-1.2: only when the authority has permit data analysed, so other snapshots (and digests) are unchanged.
    ...(source.permitSignals
      ? {
          permitSignals: {
            analysis: { ...source.permitSignals.analysis },
            window: { ...source.permitSignals.window },
            cells: source.permitSignals.cells.map((c) => ({ ...c })),
          },
        }
      : {}),
  };
}

/** The assessor's inputs as a snapshot holds them: in scope, in a fixed order, every cell present. */
function inputsPart(library: Library, criterionIds: ReadonlySet<string>, criterionInputs: readonly CriterionInput[], chain: readonly ChainInput[]): Pick<Snapshot, 'criterionInputs' | 'chain'> {
  const chainByCell = new Map(chain.map((cell) => [`${cell.stage}/${cell.riskType}`, cell]));
  const defaults = defaultChainInputs(library.stages, library.riskTypes, library.chainProfile);
  return {
    criterionInputs: criterionInputs.filter((input) => criterionIds.has(input.criterionId)).sort((a, b) => compareStrings(a.criterionId, b.criterionId)),
    chain: defaults.map((cell) => chainByCell.get(`${cell.stage}/${cell.riskType}`) ?? cell),
  };
}

/**
 * The same snapshot with new assessor inputs, everything else shared with
 * `before` (the same arrays, so PI-1's control layer is reused). Equal to
 * buildSnapshot of the same register with those inputs.
 */
export function snapshotWithInputs(before: Snapshot, library: Library, criterionInputs: readonly CriterionInput[], chain: readonly ChainInput[]): Snapshot {
  return { ...before, ...inputsPart(library, new Set(before.criteria.map((c) => c.id)), criterionInputs, chain) };
}

/**
 * The library's own families plus those brought by the frameworks in scope; a
 * family that only another (custom) framework defines stays out, so it can
 * neither raise a flag nor change this assessment's digest.
 */
function familiesInScope(library: Library, frameworkIds: readonly string[]) {
  const foreign = new Set<string>();
  for (const framework of library.frameworks.values()) {
    if (!frameworkIds.includes(framework.id)) framework.families.forEach((f) => foreign.add(f.id));
  }
  for (const id of frameworkIds) library.frameworks.get(id)?.families.forEach((f) => foreign.delete(f.id));
  return [...library.families.values()].filter((family) => !foreign.has(family.id));
}
