import type { SnapshotCriterion, SnapshotFamily } from '../../snapshot/schema.js';
import type { Maturity } from '../../domain/vocabulary.js';
import type { FacetResult } from '../criterion.js';
import { remedyFamilies } from './remedy.js';
import { gapPoints, severityFromPoints } from './severity.js';
import type { Flag } from './types.js';

/** PI-1 §5: an applicable criterion with a target whose maturity falls short of it. */
export function criterionBelowTargetFlag(
  criterion: SnapshotCriterion,
  maturity: Maturity,
  applicable: boolean,
  facets: readonly FacetResult[],
  families: ReadonlyMap<string, SnapshotFamily>,
): Flag | null {
  if (!applicable || criterion.target === 0 || maturity >= criterion.target) return null;
  const points = gapPoints(criterion.weight, criterion.target, maturity);
  const severity = severityFromPoints(points);
  if (!severity) return null;
  // The facets holding the criterion back are where effort pays; if an override
  // alone put it below target, every facet is a candidate.
  const short = facets.filter((facet) => facet.maturity < criterion.target);
  const familyIds = (short.length ? short : facets).flatMap((facet) => facet.families);
  return {
    kind: 'criterion-below-target',
    severity,
    subject: { type: 'criterion', id: criterion.id, label: `${criterion.paragraph} ${criterion.title}` },
    reason: `${criterion.paragraph} is at maturity ${maturity}, below its target of ${criterion.target} (weight ${criterion.weight}, ${points} gap ${points === 1 ? 'point' : 'points'}).`,
    params: { maturity, target: criterion.target, weight: criterion.weight, points },
    remedy: {
      action: `Raise ${criterion.paragraph} to maturity ${criterion.target} by strengthening the controls of the families below.`,
      families: remedyFamilies(familyIds, families),
    },
  };
}
