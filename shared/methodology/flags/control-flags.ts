import type { IsoDate } from '../../domain/dates.js';
import type { SnapshotFamily } from '../../snapshot/schema.js';
import { EVIDENCE_VALIDITY_MONTHS, REVIEW_INTERVAL_MONTHS, hasStaleEvidence, isReviewOverdue, type EffectiveControl } from '../evidence.js';
import { remedyFamilies } from './remedy.js';
import type { Flag } from './types.js';

function subject(entry: EffectiveControl): Flag['subject'] {
  return { type: 'control', id: entry.control.uid, label: entry.control.title };
}

/** PI-1 §5 unsupported-claim: rated 3 or 4 without valid evidence (counted as 2). */
export function unsupportedClaimFlag(entry: EffectiveControl, families: ReadonlyMap<string, SnapshotFamily>): Flag | null {
  if (!entry.unsupported) return null;
  return {
    kind: 'unsupported-claim',
    severity: 'medium',
    subject: subject(entry),
    reason: `"${entry.control.title}" is rated ${entry.stated} but has no evidence from the last ${EVIDENCE_VALIDITY_MONTHS} months that is still valid, so it counts as ${entry.effective}.`,
    params: { stated: entry.stated, effective: entry.effective, months: EVIDENCE_VALIDITY_MONTHS },
    remedy: {
      action: `Attach current evidence (dated within ${EVIDENCE_VALIDITY_MONTHS} months, not expired) or lower the rating.`,
      families: remedyFamilies([entry.control.family], families),
    },
  };
}

/** PI-1 §5 stale-evidence: rated 2 with no evidence newer than 24 months. */
export function staleEvidenceFlag(entry: EffectiveControl, asOf: IsoDate, families: ReadonlyMap<string, SnapshotFamily>): Flag | null {
  if (!hasStaleEvidence(entry.control, asOf)) return null;
  const none = entry.control.evidence.every((e) => e.date > asOf);
  return {
    kind: 'stale-evidence',
    severity: 'low',
    subject: subject(entry),
    reason: none
      ? `"${entry.control.title}" is rated 2 (documented) but has no evidence at all.`
      : `"${entry.control.title}" is rated 2 (documented) but its newest evidence is more than ${EVIDENCE_VALIDITY_MONTHS} months old.`,
    params: { months: EVIDENCE_VALIDITY_MONTHS, hasEvidence: none ? 0 : 1 },
    remedy: {
      action: 'Attach the current policy or procedure document, dated and with its expiry if it has one.',
      families: remedyFamilies([entry.control.family], families),
    },
  };
}

/** PI-1 §5 overdue-review: not reviewed in the 12 months before the as-of date. */
export function overdueReviewFlag(entry: EffectiveControl, asOf: IsoDate, families: ReadonlyMap<string, SnapshotFamily>): Flag | null {
  if (!isReviewOverdue(entry.control, asOf)) return null;
  const never = entry.control.lastReviewed === null || entry.control.lastReviewed > asOf;
  return {
    kind: 'overdue-review',
    severity: 'low',
    subject: subject(entry),
    reason: never
      ? `"${entry.control.title}" has never been reviewed.`
      : `"${entry.control.title}" was last reviewed on ${entry.control.lastReviewed}, more than ${REVIEW_INTERVAL_MONTHS} months before ${asOf}.`,
    params: { months: REVIEW_INTERVAL_MONTHS, lastReviewed: never ? '' : (entry.control.lastReviewed ?? '') },
    remedy: {
      action: 'Review the control, record what was found and set its last-review date.',
      families: remedyFamilies([entry.control.family], families),
    },
  };
}
