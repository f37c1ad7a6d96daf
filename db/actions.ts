import { randomUUID } from 'node:crypto';
import { actionFields, flagKey, isActive, type ActionFields, type ActionRecord } from '../shared/actions/actions.js';
import { appendAudit, auditChanges } from './audit.js';
import { getAssessment, type AssessmentRow } from './assessments.js';
import { RegisterError } from './errors.js';
import { inTransaction, type Register } from './register.js';
import { found } from './rows.js';
import { scoreAssessment } from './snapshot.js';
import { parseInput } from './validate.js';

interface RawAction extends Omit<ActionRecord, 'controlUids'> {
  controlUids: string;
}

const SELECT = `SELECT id, uid, assessment_id AS assessmentId, flag_key AS flagKey, flag_kind AS flagKind, severity, subject_label AS subjectLabel,
  title, owner, due, status, justification, control_uids AS controlUids, notes, carried_from AS carriedFrom, carried_to AS carriedTo,
  created_at AS createdAt, updated_at AS updatedAt FROM actions`;

function decode(row: RawAction): ActionRecord {
  return { ...row, controlUids: JSON.parse(row.controlUids) as string[] };
}

export function listActions(register: Register, assessmentId: number): ActionRecord[] {
  return (register.db.prepare(`${SELECT} WHERE assessment_id = ? ORDER BY id`).all(assessmentId) as RawAction[]).map(decode);
}

export function listActionsForAuthority(register: Register, authorityId: number): ActionRecord[] {
  return (
    register.db.prepare(`${SELECT} WHERE assessment_id IN (SELECT id FROM assessments WHERE authority_id = ?) ORDER BY id`).all(authorityId) as RawAction[]
  ).map(decode);
}

export function getAction(register: Register, id: number): ActionRecord {
  return decode(found(register.db.prepare(`${SELECT} WHERE id = ?`).get(id) as RawAction | undefined, `action ${id}`));
}

/** The audit rows of an action sit under its assessment, so the assessment's audit extract shows them. */
function auditId(assessment: AssessmentRow, actionUid: string): string {
  return `${assessment.uid}/action/${actionUid}`;
}

/** Linked controls must be controls of the assessment's own authority. */
function checkControls(register: Register, assessment: AssessmentRow, uids: string[]): void {
  const known = new Set((register.db.prepare('SELECT uid FROM controls WHERE authority_id = ?').all(assessment.authorityId) as Array<{ uid: string }>).map((r) => r.uid));
  const unknown = uids.filter((uid) => !known.has(uid));
  if (unknown.length) throw new RegisterError('invalid', `invalid action: controlUids: ${unknown.map((u) => `"${u}"`).join(', ')} is not a control of this authority`);
  if (new Set(uids).size !== uids.length) throw new RegisterError('invalid', 'invalid action: controlUids: a control is linked twice');
}

/** Makes an action from a flag the assessment raises now; one action per flag and assessment. */
export function createAction(register: Register, assessmentId: number, key: string, input: ActionFields, uid: string = randomUUID()): ActionRecord {
  const data = parseInput(actionFields, input, 'action');
  return inTransaction(register, () => {
    const assessment = getAssessment(register, assessmentId);
    const flag = scoreAssessment(register, assessmentId).flags.find((f) => flagKey(f) === key);
    if (!flag) throw new RegisterError('invalid', `flagKey: this assessment raises no flag "${key}"`);
    if (register.db.prepare('SELECT 1 FROM actions WHERE assessment_id = ? AND flag_key = ?').get(assessmentId, key)) {
      throw new RegisterError('conflict', `flagKey: this flag already has an action in this assessment`);
    }
    checkControls(register, assessment, data.controlUids);
    const now = register.now();
    const { lastInsertRowid } = register.db
      .prepare(
        `INSERT INTO actions (uid, assessment_id, flag_key, flag_kind, severity, subject_label, title, owner, due, status, justification, control_uids, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uid, assessmentId, key, flag.kind, flag.severity, flag.subject.label, data.title, data.owner, data.due, data.status, data.justification, JSON.stringify(data.controlUids), data.notes, now, now);
    appendAudit(register, { action: 'create', entity: 'action', entityId: auditId(assessment, uid), newValue: { flag: key, ...data } });
    return getAction(register, Number(lastInsertRowid));
  });
}

export function updateAction(register: Register, id: number, input: ActionFields): ActionRecord {
  const data = parseInput(actionFields, input, 'action');
  return inTransaction(register, () => {
    const before = getAction(register, id);
    const assessment = getAssessment(register, before.assessmentId);
    checkControls(register, assessment, data.controlUids);
    register.db
      .prepare('UPDATE actions SET title = ?, owner = ?, due = ?, status = ?, justification = ?, control_uids = ?, notes = ?, updated_at = ? WHERE id = ?')
      .run(data.title, data.owner, data.due, data.status, data.justification, JSON.stringify(data.controlUids), data.notes, register.now(), id);
    auditChanges(register, { action: 'update', entity: 'action', entityId: auditId(assessment, before.uid) }, before as unknown as Record<string, unknown>, data);
    return getAction(register, id);
  });
}

export function deleteAction(register: Register, id: number): void {
  inTransaction(register, () => {
    const before = getAction(register, id);
    const assessment = getAssessment(register, before.assessmentId);
    register.db.prepare('DELETE FROM actions WHERE id = ?').run(id);
    appendAudit(register, { action: 'delete', entity: 'action', entityId: auditId(assessment, before.uid), oldValue: before });
  });
}

/**
 * Re-assessment carries the work still to do: every open or in-progress action
 * not yet carried is copied into the clone, and the original points to its copy.
 * Call inside the clone's transaction. Returns how many were carried.
 */
export function carryActions(register: Register, fromAssessmentId: number, toAssessmentId: number): number {
  const now = register.now();
  const insert = register.db.prepare(
    `INSERT INTO actions (uid, assessment_id, flag_key, flag_kind, severity, subject_label, title, owner, due, status, justification, control_uids, notes, carried_from, created_at, updated_at)
     SELECT ?, ?, flag_key, flag_kind, severity, subject_label, title, owner, due, status, justification, control_uids, notes, uid, ?, ? FROM actions WHERE id = ?`,
  );
  const mark = register.db.prepare('UPDATE actions SET carried_to = ?, updated_at = ? WHERE id = ?');
  let carried = 0;
  for (const action of listActions(register, fromAssessmentId)) {
    if (!isActive(action.status) || action.carriedTo !== null) continue;
    const uid = randomUUID();
    insert.run(uid, toAssessmentId, now, now, action.id);
    mark.run(uid, now, action.id);
    carried += 1;
  }
  return carried;
}
