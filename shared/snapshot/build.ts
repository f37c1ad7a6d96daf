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

/** What a snapshot copies from the library for one set of frameworks: the same for every assessment scored with them. */
type LibraryPart = Pick<Snapshot, 'frameworks' | 'articles' | 'families' | 'stages' | 'riskTypes' | 'criteria'> & {
  criterionIds: ReadonlySet<string>;
  defaultChain: readonly ChainInput[];
  /** Each library family's stages and risk types, which a control without its own takes (frozen, shared by every snapshot). */
  familyDefaults: ReadonlyMap<string, { stages: string[]; riskTypes: string[] }>;
};

const libraryParts = new WeakMap<Library, Map<string, LibraryPart>>();

/**
 * The library part, built once per library object and framework list. It is
 * shared by every snapshot built from them, so it is frozen: snapshots are
 * values, and a change through one of them would otherwise reach all others.
 */
function libraryPart(library: Library, assessment: SnapshotSource['assessment']): LibraryPart {
  let byFrameworks = libraryParts.get(library);
  if (!byFrameworks) libraryParts.set(library, (byFrameworks = new Map()));
  const key = assessment.frameworks.join('\u0000');
  let part = byFrameworks.get(key);
  if (!part) byFrameworks.set(key, (part = deepFreeze(buildLibraryPart(library, assessment))));
  return part;
}

function buildLibraryPart(library: Library, assessment: SnapshotSource['assessment']): LibraryPart {
  const frameworks = assessment.frameworks.map((id) => {
    const framework = library.frameworks.get(id);
    if (!framework) throw new Error(`assessment ${assessment.uid} refers to unknown framework "${id}"`);
    return framework;
  });
  const criteria = criteriaOf(library, assessment.frameworks);
  return {
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
    criterionIds: new Set(criteria.map((c) => c.id)),
    defaultChain: defaultChainInputs(library.stages, library.riskTypes, library.chainProfile),
    familyDefaults: new Map([...library.families.values()].map((f) => [f.id, { stages: Object.freeze([...f.stages]) as string[], riskTypes: Object.freeze([...f.riskTypes]) as string[] }])),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    // A Set cannot be frozen entry by entry; it is private to this module and only read.
    if (!(value instanceof Set)) for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Freezes what PI-1 needs from the library and the register into one
 * snapshot. Only the families, criteria and cells in scope are copied, in a
 * fixed order, so equal registers give byte-identical canonical JSON. The
 * library's part is shared between snapshots of the same library (and frozen).
 */
export function buildSnapshot(source: SnapshotSource): Snapshot {
  const { library, assessment } = source;
  const part = libraryPart(library, assessment);

  return {
    methodology: METHODOLOGY_ID,
    asOf: assessment.asOf,
    authority: { uid: source.authority.uid, name: source.authority.name },
    assessment: { uid: assessment.uid, title: assessment.title },
    frameworks: part.frameworks,
    articles: part.articles,
    families: part.families,
    stages: part.stages,
    riskTypes: part.riskTypes,
    criteria: part.criteria,
    controls: [...source.controls]
      .sort((a, b) => compareStrings(a.uid, b.uid))
      .map((control) => {
        const family = part.familyDefaults.get(control.family);
        if (!family) throw new Error(`control ${control.uid} belongs to unknown family "${control.family}"`);
        return {
          uid: control.uid,
          family: control.family,
          title: control.title,
          maturity: control.maturity,
          lastReviewed: control.lastReviewed,
          stages: control.stages ? [...control.stages] : family.stages,
          riskTypes: control.riskTypes ? [...control.riskTypes] : family.riskTypes,
          evidence: [...control.evidence].sort((a, b) => compareStrings(a.uid, b.uid)),
        };
      }),
    ...inputsPart(part.defaultChain, part.criterionIds, source.criterionInputs, source.chain),
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
function inputsPart(defaults: readonly ChainInput[], criterionIds: ReadonlySet<string>, criterionInputs: readonly CriterionInput[], chain: readonly ChainInput[]): Pick<Snapshot, 'criterionInputs' | 'chain'> {
  return {
    criterionInputs: criterionInputs.filter((input) => criterionIds.has(input.criterionId)).sort((a, b) => compareStrings(a.criterionId, b.criterionId)),
    chain: chainInOrder(defaults, chain),
  };
}

/** Every cell of `defaults`, in its order, taken from `chain` where it has the cell. */
function chainInOrder(defaults: readonly ChainInput[], chain: readonly ChainInput[]): ChainInput[] {
  // A register stores the cells in the default order: then they are already the answer.
  const aligned = chain.length === defaults.length && defaults.every((cell, i) => chain[i]!.stage === cell.stage && chain[i]!.riskType === cell.riskType);
  if (aligned) return [...chain];
  const chainByCell = new Map(chain.map((cell) => [`${cell.stage}/${cell.riskType}`, cell]));
  return defaults.map((cell) => chainByCell.get(`${cell.stage}/${cell.riskType}`) ?? cell);
}

/**
 * The same snapshot with new assessor inputs, everything else shared with
 * `before` (the same arrays, so PI-1's control layer is reused). Equal to
 * buildSnapshot of the same register with those inputs.
 */
export function snapshotWithInputs(before: Snapshot, library: Library, criterionInputs: readonly CriterionInput[], chain: readonly ChainInput[]): Snapshot {
  return { ...before, ...inputsPart(defaultChainInputs(library.stages, library.riskTypes, library.chainProfile), new Set(before.criteria.map((c) => c.id)), criterionInputs, chain) };
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
