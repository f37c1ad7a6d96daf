import type { Maturity, RiskBand } from '../domain/vocabulary.js';
import type { ChainProfile, RiskType, Stage } from '../library/schema.js';
import type { ChainInput } from '../snapshot/schema.js';
import type { EffectiveControl } from './evidence.js';

/** PI-1 §6: how much of a risk a control removes, by its effective maturity. */
export const EFFECTIVENESS_BY_MATURITY: Readonly<Record<Maturity, number>> = { 0: 0, 1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7 };

export function inherentRisk(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export function controlEffectiveness(maturity: Maturity): number {
  return EFFECTIVENESS_BY_MATURITY[maturity];
}

/** PI-1 §6: independent controls combine as `1 − Π(1 − e)`. */
export function combinedMitigation(effectiveness: readonly number[]): number {
  return 1 - effectiveness.reduce((remaining, e) => remaining * (1 - e), 1);
}

/** Unrounded: rounding is for display only (PI-1 §6), bands use the exact value. */
export function residualRisk(inherent: number, mitigation: number): number {
  return inherent * (1 - mitigation);
}

/** PI-1 §6 bands: low < 5 ≤ medium < 10 ≤ high < 15 ≤ critical. */
export function riskBand(value: number): RiskBand {
  if (value >= 15) return 'critical';
  if (value >= 10) return 'high';
  if (value >= 5) return 'medium';
  return 'low';
}

export function coversCell(control: { stages: readonly string[]; riskTypes: readonly string[] }, stage: string, riskType: string): boolean {
  return control.stages.includes(stage) && control.riskTypes.includes(riskType);
}

/** The controls that cover a cell, each with its effectiveness. */
export function cellMitigation(controls: readonly EffectiveControl[], stage: string, riskType: string): { mitigation: number; controls: string[] } {
  const covering = controls.filter((entry) => coversCell(entry.control, stage, riskType));
  return {
    mitigation: combinedMitigation(covering.map((entry) => controlEffectiveness(entry.effective))),
    controls: covering.map((entry) => entry.control.uid),
  };
}

/** Starting likelihood and impact for every cell: the stage's likelihood, the risk type's impact. */
export function defaultChainInputs(stages: readonly Stage[], riskTypes: readonly RiskType[], profile: ChainProfile): ChainInput[] {
  return stages.flatMap((stage) =>
    riskTypes.map((risk) => ({
      stage: stage.id,
      riskType: risk.id,
      likelihood: profile.likelihoodByStage[stage.id] ?? 3,
      impact: profile.impactByRiskType[risk.id] ?? 3,
    })),
  );
}
