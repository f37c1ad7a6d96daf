import { randomUUID } from 'node:crypto';
import { commentBody, threadRef, type CommentKind, type CommentRecord, type ThreadRef } from '../shared/comments/comments.js';
import { criteriaOf } from '../shared/library/library.js';
import { appendAudit } from './audit.js';
import { getAssessment, type AssessmentRow } from './assessments.js';
import { RegisterError } from './errors.js';
import { registerLibrary } from './frameworks.js';
import { inTransaction, type Register } from './register.js';
import { actorName } from './settings.js';
import { parseInput } from './validate.js';

const SELECT = `SELECT id, uid, assessment_id AS assessmentId, thread_type AS threadType, thread_id AS threadId, kind, author, body,
  created_at AS createdAt FROM comments`;

export function listComments(register: Register, assessmentId: number): CommentRecord[] {
  getAssessment(register, assessmentId);
  return register.db.prepare(`${SELECT} WHERE assessment_id = ? ORDER BY created_at, id`).all(assessmentId) as CommentRecord[];
}

/** A thread exists for every criterion of the assessment's frameworks and every chain cell it has. */
function checkThread(register: Register, assessment: AssessmentRow, ref: { type: string; id: string }): void {
  if (ref.type === 'criterion' && !criteriaOf(registerLibrary(register), assessment.frameworks).some((c) => c.id === ref.id)) {
    throw new RegisterError('invalid', `thread.id: "${ref.id}" is not a criterion of this assessment's frameworks`);
  }
  if (ref.type === 'cell') {
    const [stage, riskType] = ref.id.split('/');
    if (!register.db.prepare('SELECT 1 FROM chain_cells WHERE assessment_id = ? AND stage = ? AND risk_type = ?').get(assessment.id, stage, riskType)) {
      throw new RegisterError('invalid', `thread.id: "${ref.id}" is not a chain cell of this assessment`);
    }
  }
}

/**
 * Posts a comment as the register's current user. Call within a transaction
 * when it goes with another change (a return to draft); it opens its own otherwise.
 */
export function addComment(register: Register, assessmentId: number, thread: ThreadRef, body: string, kind: CommentKind = 'comment'): CommentRecord {
  const ref = parseInput(threadRef, thread, 'thread');
  const text = parseInput(commentBody, body, 'body');
  return inTransaction(register, () => {
    const assessment = getAssessment(register, assessmentId);
    if (assessment.status === 'locked') throw new RegisterError('locked', `assessment ${assessmentId} is locked: its threads are closed (clone it to re-assess)`);
    checkThread(register, assessment, ref);
    const uid = randomUUID();
    const author = actorName(register);
    const now = register.now();
    const { lastInsertRowid } = register.db
      .prepare('INSERT INTO comments (uid, assessment_id, thread_type, thread_id, kind, author, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(uid, assessmentId, ref.type, ref.id, kind, author, text, now);
    appendAudit(register, {
      action: 'create',
      entity: 'comment',
      entityId: `${assessment.uid}/comment/${uid}`,
      field: `${ref.type}:${ref.id}`,
      newValue: { kind, body: text },
    });
    return register.db.prepare(`${SELECT} WHERE id = ?`).get(Number(lastInsertRowid)) as CommentRecord;
  });
}
