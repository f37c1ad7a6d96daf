import type { AssessmentStatus } from '../domain/vocabulary.js';
import { addMonths } from '../domain/dates.js';
import type { AssessmentResult } from '../methodology/assess.js';
import { EVIDENCE_VALIDITY_MONTHS } from '../methodology/evidence.js';
import type { Snapshot } from '../snapshot/schema.js';

/**
 * What an auditor would question before trusting an export. The export still
 * goes ahead; these are shown before it and printed in the report's front matter.
 */
export const QUALITY_KINDS = [
  'not-locked',
  'weak-override-justification',
  'weak-applicability-justification',
  'unsupported-claim',
  'stale-evidence',
  'expired-evidence',
  'never-reviewed',
  'not-assessed',
] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];

export interface QualityItem {
  kind: QualityKind;
  subject: { type: 'assessment' | 'criterion' | 'control' | 'evidence'; id: string; label: string };
  /** One English sentence; `params` lets a UI or report say it in another language. */
  message: string;
  params: Record<string, string | number>;
}

export interface QualityReport {
  items: QualityItem[];
  counts: Record<QualityKind, number>;
}

/** A justification an auditor would not accept: too short to say anything, or a placeholder. */
export const MIN_JUSTIFICATION_LENGTH = 20;
const PLACEHOLDERS = /^(n\/?a|na|none|tbd|todo|ok|yes|no|see above|as above|-+|\.+|x+)$/i;

export function isWeakJustification(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length < MIN_JUSTIFICATION_LENGTH || PLACEHOLDERS.test(trimmed);
}

export function qualityCheck(snapshot: Snapshot, result: AssessmentResult, status: AssessmentStatus): QualityReport {
  const items: QualityItem[] = [];
  if (status !== 'locked') {
    items.push({
      kind: 'not-locked',
      subject: { type: 'assessment', id: snapshot.assessment.uid, label: snapshot.assessment.title },
      message: `The assessment is ${status}, not locked: its figures can still change and it has no digest.`,
      params: { status },
    });
  }
  const criteria = new Map(snapshot.criteria.map((c) => [c.id, c]));
  for (const input of snapshot.criterionInputs) {
    const criterion = criteria.get(input.criterionId);
    const label = criterion ? `${criterion.paragraph} ${criterion.title}` : input.criterionId;
    const subject = { type: 'criterion' as const, id: input.criterionId, label };
    if (input.override && isWeakJustification(input.override.justification)) {
      items.push({ kind: 'weak-override-justification', subject, message: `The override of ${label} is justified only by "${input.override.justification.trim()}".`, params: { justification: input.override.justification.trim() } });
    }
    if (input.applicability && isWeakJustification(input.applicability.justification)) {
      items.push({ kind: 'weak-applicability-justification', subject, message: `The applicability decision on ${label} is justified only by "${input.applicability.justification.trim()}".`, params: { justification: input.applicability.justification.trim() } });
    }
  }
  const assessed = new Set(snapshot.criterionInputs.filter((i) => i.override || i.applicability || i.notes.trim()).map((i) => i.criterionId));
  for (const criterion of result.criteria) {
    if (!criterion.applicable || assessed.has(criterion.id)) continue;
    items.push({ kind: 'not-assessed', subject: { type: 'criterion', id: criterion.id, label: `${criterion.paragraph} ${criterion.title}` }, message: `${criterion.paragraph} has no note, override or applicability decision from the assessor.`, params: {} });
  }
  const earliest = addMonths(snapshot.asOf, -EVIDENCE_VALIDITY_MONTHS);
  const controls = new Map(result.controls.map((c) => [c.uid, c]));
  for (const control of snapshot.controls) {
    const subject = { type: 'control' as const, id: control.uid, label: control.title };
    if (controls.get(control.uid)?.unsupported) {
      items.push({ kind: 'unsupported-claim', subject, message: `"${control.title}" is rated ${control.maturity} without valid evidence, so it counts as 2.`, params: { maturity: control.maturity } });
    }
    if (control.lastReviewed === null) items.push({ kind: 'never-reviewed', subject, message: `"${control.title}" has never been reviewed.`, params: {} });
    for (const evidence of control.evidence) {
      if (evidence.date > snapshot.asOf) continue;
      const evidenceSubject = { type: 'evidence' as const, id: evidence.uid, label: `${control.title}: ${evidence.title}` };
      if (evidence.expiry !== null && evidence.expiry < snapshot.asOf) {
        items.push({ kind: 'expired-evidence', subject: evidenceSubject, message: `Evidence "${evidence.title}" of "${control.title}" expired on ${evidence.expiry}.`, params: { expiry: evidence.expiry, control: control.title, evidence: evidence.title } });
      } else if (evidence.date < earliest) {
        items.push({ kind: 'stale-evidence', subject: evidenceSubject, message: `Evidence "${evidence.title}" of "${control.title}" dates from ${evidence.date}, more than ${EVIDENCE_VALIDITY_MONTHS} months before the as-of date.`, params: { date: evidence.date, months: EVIDENCE_VALIDITY_MONTHS, control: control.title, evidence: evidence.title } });
      }
    }
  }
  const counts = Object.fromEntries(QUALITY_KINDS.map((kind) => [kind, 0])) as Record<QualityKind, number>;
  for (const item of items) counts[item.kind] += 1;
  items.sort((a, b) => QUALITY_KINDS.indexOf(a.kind) - QUALITY_KINDS.indexOf(b.kind));
  return { items, counts };
}
