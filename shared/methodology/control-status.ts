import type { IsoDate } from '../domain/dates.js';
import type { Maturity } from '../domain/vocabulary.js';
import type { SnapshotControl } from '../snapshot/schema.js';
import { effectiveMaturity, isReviewOverdue, newestEvidenceDate } from './evidence.js';

export type EvidenceState = 'current' | 'unsupported' | 'stale' | 'missing' | 'not-required';

export interface ControlStatus {
  effective: Maturity;
  evidenceState: EvidenceState;
  newestEvidence: IsoDate | null;
  reviewOverdue: boolean;
}

/**
 * A control's standing at a date, for the register screen: the same evidence
 * and review rules the flags use, so the table and the gaps never disagree.
 */
export function controlStatus(control: SnapshotControl, asOf: IsoDate): ControlStatus {
  const effective = effectiveMaturity(control, asOf);
  const newestEvidence = newestEvidenceDate(control, asOf);
  // Evidence is only demanded from 2 up (PI-1 §2 and §5); below that, none is not a gap.
  const evidenceState: EvidenceState = effective.unsupported
    ? 'unsupported'
    : effective.validEvidence.length > 0
      ? 'current'
      : newestEvidence !== null
        ? 'stale'
        : control.maturity >= 2
          ? 'missing'
          : 'not-required';
  return { effective: effective.effective, evidenceState, newestEvidence, reviewOverdue: isReviewOverdue(control, asOf) };
}
