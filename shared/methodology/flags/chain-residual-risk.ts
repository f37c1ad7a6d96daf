import type { RiskBand } from '../../domain/vocabulary.js';
import type { SnapshotFamily } from '../../snapshot/schema.js';
import { coversCell } from '../chain.js';
import { roundOneDecimal } from '../scores.js';
import { remedyFamilies } from './remedy.js';
import { severityFromBand } from './severity.js';
import type { Flag } from './types.js';

export interface CellForFlag {
  stage: { id: string; title: string };
  riskType: { id: string; title: string };
  residual: number;
  band: RiskBand;
}

/** PI-1 §5: a permit-chain cell whose residual risk is still high or critical. */
export function chainResidualRiskFlag(cell: CellForFlag, families: ReadonlyMap<string, SnapshotFamily>): Flag | null {
  const severity = severityFromBand(cell.band);
  if (!severity) return null;
  const helping = [...families.values()].filter((family) => coversCell(family, cell.stage.id, cell.riskType.id)).map((f) => f.id);
  const residual = roundOneDecimal(cell.residual);
  return {
    kind: 'chain-residual-risk',
    severity,
    subject: { type: 'cell', id: `${cell.stage.id}/${cell.riskType.id}`, label: `${cell.stage.title} × ${cell.riskType.title}` },
    reason: `Residual risk of ${cell.riskType.title.toLowerCase()} at ${cell.stage.title.toLowerCase()} is ${residual} (${cell.band}).`,
    params: { stage: cell.stage.id, riskType: cell.riskType.id, residual, band: cell.band },
    remedy: {
      action: 'Add or mature controls that cover this stage and risk type until the residual risk falls below 10.',
      families: remedyFamilies(helping, families),
    },
  };
}
