import { randomUUID } from 'node:crypto';
import type { AssessmentStatus } from '../shared/domain/vocabulary.js';
import { canTransition, transitionError } from '../shared/methodology/lifecycle.js';
import { METHODOLOGY_VERSION } from '../shared/methodology/version.js';
import { canonicalJson, sha256Hex } from '../shared/snapshot/canonical.js';
import { isIsoDate } from '../shared/domain/dates.js';
import { appendAudit } from './audit.js';
import { getAssessment, type AssessmentRow } from './assessments.js';
import { RegisterError } from './errors.js';
import { inTransaction, type Register } from './register.js';
import { assessmentSnapshot } from './snapshot.js';
import { carryActions } from './actions.js';
import { addComment } from './comments.js';
import type { ThreadRef } from '../shared/comments/comments.js';
import { actorName } from './settings.js';
import { checkFourEyes } from './four-eyes.js';
import { signWithRegister } from './signing.js';
import { auditHead, formatHead } from './audit-head.js';

const STAMP: Partial<Record<AssessmentStatus, { at: string; by: string }>> = {
  submitted: { at: 'submitted_at', by: 'submitted_by' },
  reviewed: { at: 'reviewed_at', by: 'reviewed_by' },
};

export interface StepOptions {
  /** Why the four-eyes rule is overridden for this step (logged); without it the rule applies. */
  fourEyesOverride?: string | null;
}

/**
 * Submit, review or return to draft. Locking has its own function because it
 * freezes the snapshot. The reason for a return to draft is also posted to a
 * comment thread (the criterion or cell named in `thread`, else the
 * assessment's own), so the assessor can answer it there.
 */
export function transitionAssessment(
  register: Register,
  assessmentId: number,
  to: 'submitted' | 'reviewed' | 'draft',
  justification?: string,
  thread: ThreadRef = { type: 'assessment', id: '' },
  options: StepOptions = {},
): AssessmentRow {
  return inTransaction(register, () => {
    const before = getAssessment(register, assessmentId);
    if (!canTransition(before.status, to)) throw new RegisterError(before.status === 'locked' ? 'locked' : 'conflict', transitionError(before.status, to));
    if (to === 'draft' && !justification?.trim()) throw new RegisterError('invalid', 'justification: returning an assessment to draft needs a reason');
    const actor = actorName(register);
    if (to === 'reviewed') checkFourEyes(register, before, 'review', actor, options.fourEyesOverride);
    // Posted first, so the transition stays the last audit row of the change.
    if (to === 'draft') addComment(register, assessmentId, thread, justification!, 'return-reason');
    const now = register.now();
    const stamp = STAMP[to];
    register.db
      .prepare(`UPDATE assessments SET status = ?, updated_at = ?${stamp ? `, ${stamp.at} = ?, ${stamp.by} = ?` : ''} WHERE id = ?`)
      .run(...[to, now, ...(stamp ? [now, actor] : []), assessmentId]);
    appendAudit(register, { action: 'transition', entity: 'assessment', entityId: before.uid, field: 'status', oldValue: before.status, newValue: to, justification: justification ?? null });
    return getAssessment(register, assessmentId);
  });
}

/**
 * Freezes a reviewed assessment: stores its canonical snapshot, the snapshot's
 * SHA-256 and the methodology version, signs the digest with the register's
 * key (when it has one here) and records the audit head it was locked at.
 * From then on the triggers refuse any change.
 */
export function lockAssessment(register: Register, assessmentId: number, options: StepOptions = {}): AssessmentRow {
  return inTransaction(register, () => {
    const before = getAssessment(register, assessmentId);
    if (!canTransition(before.status, 'locked')) throw new RegisterError(before.status === 'locked' ? 'locked' : 'conflict', transitionError(before.status, 'locked'));
    const actor = actorName(register);
    checkFourEyes(register, before, 'lock', actor, options.fourEyesOverride);
    const json = canonicalJson(assessmentSnapshot(register, assessmentId));
    const digest = sha256Hex(json);
    const now = register.now();
    const signature = signWithRegister(register, 'lock', digest, actor);
    const head = formatHead(auditHead(register));
    register.db
      .prepare(
        `UPDATE assessments SET status = 'locked', snapshot = ?, digest = ?, methodology_version = ?, locked_at = ?, updated_at = ?, locked_by = ?,
         signature = ?, signer_key = ?, signer_name = ?, lock_head = ? WHERE id = ?`,
      )
      .run(json, digest, METHODOLOGY_VERSION, now, now, actor, signature?.signature ?? null, signature?.publicKey ?? null, signature ? actor : null, head, assessmentId);
    appendAudit(register, {
      action: 'lock',
      entity: 'assessment',
      entityId: before.uid,
      field: 'status',
      oldValue: before.status,
      newValue: { status: 'locked', digest, signed: signature !== null, ...(signature ? { publicKey: signature.publicKey } : {}), auditHead: head },
    });
    return getAssessment(register, assessmentId);
  });
}

/** Starts a re-assessment: a new draft with the same frameworks, a copy of every input and the actions still open. */
export function cloneAssessment(register: Register, assessmentId: number, options: { title?: string; asOf?: string } = {}): AssessmentRow {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new RegisterError('invalid', `asOf: "${options.asOf}" is not a date written YYYY-MM-DD`);
  if (options.title !== undefined && !options.title.trim()) throw new RegisterError('invalid', 'title: must not be empty');
  return inTransaction(register, () => {
    const source = getAssessment(register, assessmentId);
    const uid = randomUUID();
    const now = register.now();
    const title = options.title?.trim() ?? `${source.title} (re-assessment)`;
    const asOf = options.asOf ?? now.slice(0, 10);
    const { lastInsertRowid: id } = register.db
      .prepare(
        `INSERT INTO assessments (uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, cloned_from, notes, created_at, updated_at)
         SELECT ?, authority_id, ?, ?, 'draft', frameworks, methodology, ?, uid, notes, ?, ? FROM assessments WHERE id = ?`,
      )
      .run(uid, title, asOf, METHODOLOGY_VERSION, now, now, assessmentId);
    register.db
      .prepare(
        `INSERT INTO criterion_inputs (assessment_id, criterion_id, override_maturity, override_justification, applicable, applicability_justification, notes)
         SELECT ?, criterion_id, override_maturity, override_justification, applicable, applicability_justification, notes FROM criterion_inputs WHERE assessment_id = ?`,
      )
      .run(id, assessmentId);
    register.db
      .prepare('INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) SELECT ?, stage, risk_type, likelihood, impact FROM chain_cells WHERE assessment_id = ? ORDER BY rowid')
      .run(id, assessmentId);
    const actions = carryActions(register, assessmentId, Number(id));
    appendAudit(register, { action: 'clone', entity: 'assessment', entityId: uid, oldValue: source.uid, newValue: { title, asOf, ...(actions ? { actionsCarried: actions } : {}) } });
    return getAssessment(register, Number(id));
  });
}
