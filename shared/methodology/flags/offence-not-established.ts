import type { Maturity } from '../../domain/vocabulary.js';
import type { SnapshotCriterion, SnapshotFamily } from '../../snapshot/schema.js';
import { remedyFamilies } from './remedy.js';
import type { Flag } from './types.js';

/** PI-1.3: an offence criterion at this maturity or below is "not established" in law. */
export const OFFENCE_MATURITY_LIMIT = 1;
/** PI-1.3: the flag needs at least one cell of the risk type with an inherent risk this high. */
export const OFFENCE_INHERENT_THRESHOLD = 10;

export interface ExposedCell {
  stage: { id: string; title: string };
  inherent: number;
}

/**
 * PI-1.3 offence-not-established (high): national law does not (or barely)
 * make the risk type's conduct an offence, while the chain says that risk is
 * serious somewhere. Raised once per risk type, naming the criterion and the
 * exposed cells; `cells` are that risk type's cells, in chain order.
 */
export function offenceNotEstablishedFlag(
  criterion: SnapshotCriterion,
  maturity: Maturity,
  applicable: boolean,
  riskType: { id: string; title: string },
  cells: readonly ExposedCell[],
  families: ReadonlyMap<string, SnapshotFamily>,
): Flag | null {
  if (!applicable || maturity > OFFENCE_MATURITY_LIMIT) return null;
  const exposed = cells.filter((cell) => cell.inherent >= OFFENCE_INHERENT_THRESHOLD);
  if (!exposed.length) return null;
  const risk = riskType.title.toLowerCase();
  const stageList = exposed.map((cell) => `${cell.stage.title.toLowerCase()} (${cell.inherent})`).join(', ');
  return {
    kind: 'offence-not-established',
    severity: 'high',
    subject: { type: 'criterion', id: criterion.id, label: `${criterion.paragraph} ${criterion.title}` },
    reason: `${criterion.paragraph} is at maturity ${maturity}, so national law does not establish ${risk} as an offence that reaches the permit chain, yet ${risk} has an inherent risk of ${OFFENCE_INHERENT_THRESHOLD} or more at: ${stageList}.`,
    params: {
      maturity,
      riskType: riskType.id,
      threshold: OFFENCE_INHERENT_THRESHOLD,
      cellCount: exposed.length,
      // Stage ids and inherent risks, comma-separated, so other languages can name the stages themselves.
      stages: exposed.map((cell) => cell.stage.id).join(','),
      inherents: exposed.map((cell) => cell.inherent).join(','),
    },
    remedy: {
      action: `Work with the legislature and the justice ministry so that ${risk} is an offence reaching CITES officials, traders and permit decisions, and record that law in the register.`,
      families: remedyFamilies(criterion.facets.flat(), families),
    },
  };
}
