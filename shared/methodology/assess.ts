import type { Maturity, RiskBand, Severity } from '../domain/vocabulary.js';
import type { Snapshot, SnapshotFamily } from '../snapshot/schema.js';
import { inherentRisk, residualRisk, riskBand } from './chain.js';
import { controlLayer, mergeSortedFlags } from './control-layer.js';
import { applicability, derivedMaturity, finalMaturity, meetsTarget, type FacetResult } from './criterion.js';
import { chainResidualRiskFlag } from './flags/chain-residual-risk.js';
import { severityFromBand } from './flags/severity.js';
import { dataContradictsLikelihoodFlag } from './flags/data-contradicts-likelihood.js';
import { criterionBelowTargetFlag } from './flags/criterion-below-target.js';
import { offenceNotEstablishedFlag } from './flags/offence-not-established.js';
import { articleScores, sectionResults, separateFrameworkIds, type OffenceResult, type SectionResult } from './offences.js';
import { compareFlags, countBySeverity } from './flags/order.js';
import type { Flag } from './flags/types.js';
import { cellSignal, type CellSignal } from './permit-signal.js';
import { coverage, roundOneDecimal, weightedScore, type Coverage } from './scores.js';
export type { OffenceResult, SectionResult } from './offences.js';
import { METHODOLOGY_ID, METHODOLOGY_VERSION } from './version.js';

export interface CriterionResult {
  id: string;
  frameworkId: string;
  article: string;
  paragraph: string;
  obligation: string;
  title: string;
  weight: number;
  target: number;
  applicable: boolean;
  applicabilityJustification: string | null;
  applicabilitySource: 'library' | 'assessor';
  derived: Maturity;
  override: { maturity: Maturity; justification: string } | null;
  final: Maturity;
  meetsTarget: boolean;
  facets: FacetResult[];
  notes: string;
}

export interface ControlResult {
  uid: string;
  family: string;
  title: string;
  stated: Maturity;
  effective: Maturity;
  unsupported: boolean;
  validEvidence: string[];
}

export interface ChainCellResult {
  stage: string;
  riskType: string;
  likelihood: number;
  impact: number;
  inherent: number;
  inherentBand: RiskBand;
  mitigation: number;
  residual: number;
  /** Residual rounded to one decimal, for display only. */
  residualDisplay: number;
  band: RiskBand;
  controls: string[];
  /** PI-1.2: present only when the snapshot carries permit-data signals; null for a cell without data. */
  signal?: CellSignal | null;
}

export interface ArticleResult {
  frameworkId: string;
  article: string;
  title: string;
  score: number | null;
  coverage: Coverage;
}

export interface AssessmentResult {
  methodology: { id: typeof METHODOLOGY_ID; version: string };
  asOf: string;
  /** Pooled over the frameworks that are not scored separately (PI-1.3). */
  overall: { score: number | null; coverage: Coverage };
  /** Articles of the pooled frameworks; a separate section lists its own. */
  articles: ArticleResult[];
  /** PI-1.3: one per separately scored framework in the snapshot (the legal framework pack). */
  sections: SectionResult[];
  /** PI-1.3: each risk type with an offence criterion in the snapshot, in criterion order. */
  offences: OffenceResult[];
  criteria: CriterionResult[];
  controls: ControlResult[];
  chain: ChainCellResult[];
  flags: Flag[];
  flagCounts: Record<Severity, number>;
}

/**
 * Lookups kept per list: snapshots built from one library share its lists
 * (they are values, never changed), so a portfolio of assessments builds each
 * lookup once. The maps are only read.
 */
const familyMaps = new WeakMap<readonly SnapshotFamily[], ReadonlyMap<string, SnapshotFamily>>();
const titleMaps = new WeakMap<ReadonlyArray<{ id: string; title: string }>, ReadonlyMap<string, string>>();

function familyMap(list: readonly SnapshotFamily[]): ReadonlyMap<string, SnapshotFamily> {
  let map = familyMaps.get(list);
  if (!map) familyMaps.set(list, (map = new Map(list.map((f) => [f.id, f]))));
  return map;
}

function titleMap(list: ReadonlyArray<{ id: string; title: string }>): ReadonlyMap<string, string> {
  let map = titleMaps.get(list);
  if (!map) titleMaps.set(list, (map = new Map(list.map((item) => [item.id, item.title]))));
  return map;
}

/**
 * Methodology PI-1 as one pure function of a snapshot. Every number any screen,
 * command or report shows is read from this result; none is computed elsewhere.
 */
export function assess(snapshot: Snapshot): AssessmentResult {
  const { asOf } = snapshot;
  const families = familyMap(snapshot.families);
  const layer = controlLayer(snapshot.controls, asOf, snapshot.families, families);
  const controls = layer.controls;
  const inputs = new Map(snapshot.criterionInputs.map((input) => [input.criterionId, input]));
  const flags: Flag[] = [];

  const criteria = snapshot.criteria.map((criterion): CriterionResult => {
    const input = inputs.get(criterion.id);
    const derived = derivedMaturity(criterion, controls, layer.facet);
    const applies = applicability(criterion, input);
    const final = finalMaturity(derived.maturity, input);
    const flag = criterionBelowTargetFlag(criterion, final, applies.applicable, derived.facets, families);
    if (flag) flags.push(flag);
    return {
      id: criterion.id,
      frameworkId: criterion.frameworkId,
      article: criterion.article,
      paragraph: criterion.paragraph,
      obligation: criterion.obligation,
      title: criterion.title,
      weight: criterion.weight,
      target: criterion.target,
      applicable: applies.applicable,
      applicabilityJustification: applies.justification,
      applicabilitySource: applies.source,
      derived: derived.maturity,
      override: input?.override ? { maturity: input.override.maturity as Maturity, justification: input.override.justification } : null,
      final,
      meetsTarget: meetsTarget(final, criterion.target),
      facets: derived.facets,
      notes: input?.notes ?? '',
    };
  });

  const scored = criteria.filter((c) => c.applicable).map((c) => ({ weight: c.weight, maturity: c.final, target: c.target, frameworkId: c.frameworkId, article: c.article }));
  const separate = separateFrameworkIds(snapshot);
  const pooled = scored.filter((s) => !separate.has(s.frameworkId));
  const pooledIds = new Set(snapshot.frameworks.map((f) => f.id).filter((id) => !separate.has(id)));
  const articles: ArticleResult[] = articleScores(snapshot, pooled, pooledIds);


  const stageTitles = titleMap(snapshot.stages);
  const riskTitles = titleMap(snapshot.riskTypes);
  const signalCounts = snapshot.permitSignals ? new Map(snapshot.permitSignals.cells.map((c) => [`${c.stage}/${c.riskType}`, c])) : null;
  const chain = snapshot.chain.map((cell): ChainCellResult => {
    const inherent = inherentRisk(cell.likelihood, cell.impact);
    const { mitigation, controls: covering } = layer.cell(cell.stage, cell.riskType);
    const residual = residualRisk(inherent, mitigation);
    const band = riskBand(residual);
    // Only a high or critical cell is flagged: the others need no flag's words at all.
    const flag =
      severityFromBand(band) &&
      chainResidualRiskFlag(
        {
          stage: { id: cell.stage, title: stageTitles.get(cell.stage) ?? cell.stage },
          riskType: { id: cell.riskType, title: riskTitles.get(cell.riskType) ?? cell.riskType },
          residual,
          band,
        },
        families,
      );
    if (flag) flags.push(flag);
    const counts = signalCounts?.get(`${cell.stage}/${cell.riskType}`);
    const signal = counts ? cellSignal(counts) : null;
    if (signal) {
      const stage = { id: cell.stage, title: stageTitles.get(cell.stage) ?? cell.stage };
      const riskType = { id: cell.riskType, title: riskTitles.get(cell.riskType) ?? cell.riskType };
      const contradiction = dataContradictsLikelihoodFlag({ stage, riskType, likelihood: cell.likelihood, signal }, families);
      if (contradiction) flags.push(contradiction);
    }
    const result: ChainCellResult = {
      stage: cell.stage,
      riskType: cell.riskType,
      likelihood: cell.likelihood,
      impact: cell.impact,
      inherent,
      inherentBand: riskBand(inherent),
      mitigation,
      residual,
      residualDisplay: roundOneDecimal(residual),
      band,
      controls: covering,
    };
    // Only with permit data (PI-1.2), so results without it keep their shape.
    if (signalCounts) result.signal = signal;
    return result;
  });

  const offences = offenceResults(snapshot, criteria, chain, families, flags);

  // The control-level flags come sorted from the layer; only the few others need sorting.
  flags.sort(compareFlags);
  const allFlags = mergeSortedFlags(flags, layer.flags);
  return {
    methodology: { id: METHODOLOGY_ID, version: METHODOLOGY_VERSION },
    asOf,
    overall: { score: weightedScore(pooled), coverage: coverage(pooled) },
    articles,
    sections: sectionResults(snapshot, scored),
    offences,
    criteria,
    controls: layer.results,
    chain,
    flags: allFlags,
    flagCounts: countBySeverity(allFlags),
  };
}

/**
 * PI-1.3: for each offence criterion, its maturity beside its risk type, and
 * the offence-not-established flag (pushed onto `flags`) once per risk type.
 */
function offenceResults(
  snapshot: Snapshot,
  criteria: readonly CriterionResult[],
  chain: readonly ChainCellResult[],
  families: ReadonlyMap<string, SnapshotFamily>,
  flags: Flag[],
): OffenceResult[] {
  const stageTitles = titleMap(snapshot.stages);
  const flaggedRisks = new Set<string>();
  const out: OffenceResult[] = [];
  snapshot.criteria.forEach((criterion, index) => {
    const riskType = criterion.riskType;
    const result = criteria[index];
    if (!riskType || !result) return;
    const risk = snapshot.riskTypes.find((r) => r.id === riskType) ?? { id: riskType, title: riskType };
    const cells = chain.filter((cell) => cell.riskType === riskType).map((cell) => ({ stage: { id: cell.stage, title: stageTitles.get(cell.stage) ?? cell.stage }, inherent: cell.inherent }));
    // Once per risk type: a second offence criterion for the same risk type adds no second flag.
    const flag = flaggedRisks.has(riskType) ? null : offenceNotEstablishedFlag(criterion, result.final, result.applicable, risk, cells, families);
    if (flag) {
      flags.push(flag);
      flaggedRisks.add(riskType);
    }
    out.push({ riskType, criterionId: criterion.id, paragraph: criterion.paragraph, applicable: result.applicable, final: result.final, flagged: flag !== null });
  });
  return out;
}
