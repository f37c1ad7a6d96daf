import type { Maturity, RiskBand, Severity } from '../domain/vocabulary.js';
import type { Snapshot, SnapshotFamily } from '../snapshot/schema.js';
import { cellMitigation, inherentRisk, residualRisk, riskBand } from './chain.js';
import { applicability, derivedMaturity, finalMaturity, meetsTarget, type FacetResult } from './criterion.js';
import { effectiveMaturity } from './evidence.js';
import { chainResidualRiskFlag } from './flags/chain-residual-risk.js';
import { dataContradictsLikelihoodFlag } from './flags/data-contradicts-likelihood.js';
import { overdueReviewFlag, staleEvidenceFlag, unsupportedClaimFlag } from './flags/control-flags.js';
import { criterionBelowTargetFlag } from './flags/criterion-below-target.js';
import { missingCoreFamilyFlags } from './flags/missing-core-family.js';
import { compareFlags, countBySeverity } from './flags/order.js';
import type { Flag } from './flags/types.js';
import { cellSignal, type CellSignal } from './permit-signal.js';
import { coverage, roundOneDecimal, weightedScore, type Coverage } from './scores.js';
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
  overall: { score: number | null; coverage: Coverage };
  articles: ArticleResult[];
  criteria: CriterionResult[];
  controls: ControlResult[];
  chain: ChainCellResult[];
  flags: Flag[];
  flagCounts: Record<Severity, number>;
}

/**
 * Methodology PI-1 as one pure function of a snapshot. Every number any screen,
 * command or report shows is read from this result; none is computed elsewhere.
 */
export function assess(snapshot: Snapshot): AssessmentResult {
  const { asOf } = snapshot;
  const families = new Map<string, SnapshotFamily>(snapshot.families.map((f) => [f.id, f]));
  const controls = snapshot.controls.map((control) => effectiveMaturity(control, asOf));
  const inputs = new Map(snapshot.criterionInputs.map((input) => [input.criterionId, input]));
  const flags: Flag[] = [];

  const criteria = snapshot.criteria.map((criterion): CriterionResult => {
    const input = inputs.get(criterion.id);
    const derived = derivedMaturity(criterion, controls);
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

  const scored = criteria.filter((c) => c.applicable).map((c) => ({ weight: c.weight, maturity: c.final, target: c.target, c }));
  const articles = snapshot.articles.map((article): ArticleResult => {
    const items = scored.filter((s) => s.c.frameworkId === article.frameworkId && s.c.article === article.id);
    return { frameworkId: article.frameworkId, article: article.id, title: article.title, score: weightedScore(items), coverage: coverage(items) };
  });

  flags.push(...missingCoreFamilyFlags(families, snapshot.controls));
  for (const entry of controls) {
    for (const flag of [unsupportedClaimFlag(entry, families), staleEvidenceFlag(entry, asOf, families), overdueReviewFlag(entry, asOf, families)]) {
      if (flag) flags.push(flag);
    }
  }

  const stageTitles = new Map(snapshot.stages.map((s) => [s.id, s.title]));
  const riskTitles = new Map(snapshot.riskTypes.map((r) => [r.id, r.title]));
  const signalCounts = snapshot.permitSignals ? new Map(snapshot.permitSignals.cells.map((c) => [`${c.stage}/${c.riskType}`, c])) : null;
  const chain = snapshot.chain.map((cell): ChainCellResult => {
    const inherent = inherentRisk(cell.likelihood, cell.impact);
    const { mitigation, controls: covering } = cellMitigation(controls, cell.stage, cell.riskType);
    const residual = residualRisk(inherent, mitigation);
    const band = riskBand(residual);
    const flag = chainResidualRiskFlag(
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
    return {
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
      ...(signalCounts ? { signal } : {}),
    };
  });

  flags.sort(compareFlags);
  return {
    methodology: { id: METHODOLOGY_ID, version: METHODOLOGY_VERSION },
    asOf,
    overall: { score: weightedScore(scored), coverage: coverage(scored) },
    articles,
    criteria,
    controls: controls.map((entry) => ({
      uid: entry.control.uid,
      family: entry.control.family,
      title: entry.control.title,
      stated: entry.stated,
      effective: entry.effective,
      unsupported: entry.unsupported,
      validEvidence: entry.validEvidence,
    })),
    chain,
    flags,
    flagCounts: countBySeverity(flags),
  };
}
