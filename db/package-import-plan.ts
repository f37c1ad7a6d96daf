import type { PackageAssessment } from '../shared/package/schema.js';
import type { Register } from './register.js';

/**
 * Writes an imported assessment's action plan and comment threads. Called
 * while the assessment is still a draft (comments of a locked one cannot be
 * inserted after its lock), inside the import's transaction.
 */
export function writeActionsAndComments(register: Register, assessmentId: number, a: PackageAssessment): void {
  const insertAction = register.db.prepare(
    `INSERT INTO actions (uid, assessment_id, flag_key, flag_kind, severity, subject_label, title, owner, due, status, justification, control_uids, notes, carried_from, carried_to, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const x of a.actions) {
    insertAction.run(x.uid, assessmentId, x.flagKey, x.flagKind, x.severity, x.subjectLabel, x.title, x.owner, x.due, x.status, x.justification, JSON.stringify(x.controlUids), x.notes, x.carriedFrom, x.carriedTo, x.createdAt, x.updatedAt);
  }
  const insertComment = register.db.prepare('INSERT INTO comments (uid, assessment_id, thread_type, thread_id, kind, author, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of a.comments) insertComment.run(c.uid, assessmentId, c.thread.type, c.thread.id, c.kind, c.author, c.body, c.createdAt);
}
