import type { SnapshotFamily } from '../../snapshot/schema.js';
import { coversCell } from '../chain.js';
import type { CellSignal } from '../permit-signal.js';
import { remedyFamilies } from './remedy.js';
import type { Flag } from './types.js';

export interface CellForSignalFlag {
  stage: { id: string; title: string };
  riskType: { id: string; title: string };
  likelihood: number;
  signal: CellSignal;
}

/** How far the data's suggestion must exceed the assessor's likelihood to be a flag (PI-1.2). */
export const CONTRADICTION_MARGIN = 2;

/**
 * PI-1.2: the permit data suggest a likelihood at least two above the
 * assessor's rating. The rating stays the assessor's; the flag asks them to
 * look at the data or explain it.
 */
export function dataContradictsLikelihoodFlag(cell: CellForSignalFlag, families: ReadonlyMap<string, SnapshotFamily>): Flag | null {
  const { signal } = cell;
  if (signal.suggestedLikelihood - cell.likelihood < CONTRADICTION_MARGIN) return null;
  const perThousand = Math.round(signal.perThousand * 10) / 10;
  const helping = [...families.values()].filter((family) => coversCell(family, cell.stage.id, cell.riskType.id)).map((f) => f.id);
  return {
    kind: 'data-contradicts-likelihood',
    severity: 'medium',
    subject: { type: 'cell', id: `${cell.stage.id}/${cell.riskType.id}`, label: `${cell.stage.title} × ${cell.riskType.title}` },
    reason: `Permit data show ${perThousand} flagged permits per 1,000 at ${cell.stage.title.toLowerCase()} for ${cell.riskType.title.toLowerCase()}, which suggests likelihood ${signal.suggestedLikelihood}; the assessor rated it ${cell.likelihood}.`,
    params: {
      stage: cell.stage.id,
      riskType: cell.riskType.id,
      perThousand,
      flagged: signal.flagged,
      handled: signal.handled,
      suggested: signal.suggestedLikelihood,
      likelihood: cell.likelihood,
    },
    remedy: {
      action: 'Review the flagged permits behind this cell, then raise the likelihood or record why the data overstate it.',
      families: remedyFamilies(helping, families),
    },
  };
}
