import { signalCounts, signalWindow, type FlaggedDay, type HandledDay } from '../../shared/permits/signals.js';
import type { PermitSignals } from '../../shared/snapshot/schema.js';
import type { Register } from '../register.js';
import { latestAnalysis } from './analysis.js';

/**
 * PI-1.2 counts for a snapshot: from the authority's latest analysis run,
 * summed over the 12 months before the as-of date. Null without a run, so a
 * register without permit data builds the same snapshot as before PI-1.2.
 */
export function permitSignalsFor(register: Register, authorityId: number, asOf: string): PermitSignals | null {
  const run = latestAnalysis(register, authorityId);
  if (!run) return null;
  const flagged = register.db.prepare('SELECT date, stage, risk_type AS riskType, flagged FROM permit_flagged_days WHERE analysis_id = ?').all(run.id) as FlaggedDay[];
  const handled = register.db.prepare('SELECT date, source, permits FROM permit_handled_days WHERE analysis_id = ?').all(run.id) as HandledDay[];
  return {
    analysis: { uid: run.uid, inputDigest: run.inputDigest, analysedAt: run.analysedAt },
    window: signalWindow(asOf),
    cells: signalCounts(flagged, handled, asOf),
  };
}
