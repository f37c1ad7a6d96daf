import type { AssessmentResult } from '../methodology/assess.js';
import { CONTRADICTION_MARGIN } from '../methodology/flags/data-contradicts-likelihood.js';
import type { Snapshot } from '../snapshot/schema.js';

/** The "Permit-data signals" annex: what PI-1.2 scored with, read from the snapshot and the result. */
export interface PermitAnnex {
  analysis: { uid: string; analysedAt: string; inputDigest: string };
  window: { from: string; to: string };
  rows: Array<{
    stage: string;
    riskType: string;
    flagged: number;
    handled: number;
    /** Rounded to one decimal for display; the flag uses the exact figure. */
    perThousand: number;
    suggested: number;
    likelihood: number;
    contradicts: boolean;
  }>;
}

/** Null when the snapshot holds no permit data (the annex then says so). No officer or applicant is ever named. */
export function permitAnnex(snapshot: Snapshot, result: AssessmentResult): PermitAnnex | null {
  if (!snapshot.permitSignals) return null;
  const rows = result.chain.flatMap((cell) =>
    cell.signal
      ? [
          {
            stage: cell.stage,
            riskType: cell.riskType,
            flagged: cell.signal.flagged,
            handled: cell.signal.handled,
            perThousand: Math.round(cell.signal.perThousand * 10) / 10,
            suggested: cell.signal.suggestedLikelihood,
            likelihood: cell.likelihood,
            contradicts: cell.signal.suggestedLikelihood - cell.likelihood >= CONTRADICTION_MARGIN,
          },
        ]
      : [],
  );
  return { analysis: { ...snapshot.permitSignals.analysis }, window: { ...snapshot.permitSignals.window }, rows };
}
