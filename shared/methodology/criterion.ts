import type { Maturity } from '../domain/vocabulary.js';
import type { CriterionInput, SnapshotCriterion } from '../snapshot/schema.js';
import type { EffectiveControl } from './evidence.js';

export interface FacetResult {
  families: string[];
  maturity: Maturity;
  /** The controls that reach the facet's maturity (the ones that produce it). */
  controls: string[];
}

/** A facet is as mature as the best control in any of its families; 0 with none. */
export function facetMaturity(families: readonly string[], controls: readonly EffectiveControl[]): FacetResult {
  let best: Maturity = 0;
  let producers: string[] = [];
  for (const entry of controls) {
    if (!families.includes(entry.control.family)) continue;
    if (entry.effective > best) {
      best = entry.effective;
      producers = [entry.control.uid];
    } else if (entry.effective === best && best > 0) {
      producers.push(entry.control.uid);
    }
  }
  return { families: [...families], maturity: best, controls: producers };
}

/** PI-1 §3: derived = min over facets of the facet maturity. */
export function derivedMaturity(
  criterion: SnapshotCriterion,
  controls: readonly EffectiveControl[],
  facetOf: (families: readonly string[]) => FacetResult = (families) => facetMaturity(families, controls),
): { maturity: Maturity; facets: FacetResult[] } {
  const facets = criterion.facets.map((families) => facetOf(families));
  const maturity = facets.reduce<Maturity>((low, facet) => (facet.maturity < low ? facet.maturity : low), 4);
  return { maturity, facets };
}

export interface Applicability {
  applicable: boolean;
  /** Why: the assessor's justification, or the library's default reason. */
  justification: string | null;
  source: 'library' | 'assessor';
}

/** PI-1 §3: applicability comes from the library unless the assessor set it, with a justification. */
export function applicability(criterion: SnapshotCriterion, input: CriterionInput | undefined): Applicability {
  if (input?.applicability) {
    return { applicable: input.applicability.applicable, justification: input.applicability.justification, source: 'assessor' };
  }
  return { applicable: criterion.applicable, justification: criterion.applicable ? null : criterion.notApplicableReason, source: 'library' };
}

/** PI-1 §3: an override, always justified, replaces the derived maturity either way. */
export function finalMaturity(derived: Maturity, input: CriterionInput | undefined): Maturity {
  return input?.override ? (input.override.maturity as Maturity) : derived;
}

/** PI-1 §4: a criterion meets its target when its maturity reaches it; target 0 is always met. */
export function meetsTarget(maturity: Maturity, target: number): boolean {
  return maturity >= target;
}
