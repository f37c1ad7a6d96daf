import { describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit.js';
import { addComment, listComments } from '../../db/comments.js';
import { lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import { setSetting } from '../../db/settings.js';
import { dispatch } from '../../api/dispatch.js';
import { groupByThread } from '../../shared/comments/comments.js';
import { seedAuthority, as, REVIEWER, SUBMITTER } from '../helpers/register-fixtures.js';
import { useTempRegisters, refusedWithoutWrites } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const ENV = { transport: 'browser' as const, version: 'test' };

const refused = refusedWithoutWrites;

describe('comment threads', () => {
  it('keeps a thread per criterion and per chain cell, signed by the current user and audited', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    setSetting(register, 'actor', 'Reviewer R.');
    addComment(register, assessment.id, { type: 'criterion', id: '7.1(a)' }, 'Where is the vetting policy?');
    setSetting(register, 'actor', 'Assessor A.');
    addComment(register, assessment.id, { type: 'criterion', id: '7.1(a)' }, 'Attached as evidence on the vetting control.');
    addComment(register, assessment.id, { type: 'cell', id: 'permit_issuance/bribery' }, 'Likelihood looks low for issuance.');
    const comments = listComments(register, assessment.id);
    expect(comments.map((c) => [c.threadType, c.threadId, c.author, c.kind])).toEqual([
      ['criterion', '7.1(a)', 'Reviewer R.', 'comment'],
      ['criterion', '7.1(a)', 'Assessor A.', 'comment'],
      ['cell', 'permit_issuance/bribery', 'Assessor A.', 'comment'],
    ]);
    expect([...groupByThread(comments).keys()]).toEqual(['criterion:7.1(a)', 'cell:permit_issuance/bribery']);
    const audit = listAudit(register, { entity: 'comment' });
    expect(audit.map((r) => [r.actor, r.field])).toEqual([
      ['Reviewer R.', 'criterion:7.1(a)'],
      ['Assessor A.', 'criterion:7.1(a)'],
      ['Assessor A.', 'cell:permit_issuance/bribery'],
    ]);
    expect(audit[0]!.entityId.startsWith(`${assessment.uid}/comment/`)).toBe(true);
  });

  it('refuses unknown threads, empty bodies and comments on a locked assessment, writing nothing', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    expect(refused(register, 'invalid', () => addComment(register, assessment.id, { type: 'criterion', id: '99.9' }, 'x'))).toMatch(/thread\.id: "99\.9" is not a criterion/);
    expect(refused(register, 'invalid', () => addComment(register, assessment.id, { type: 'cell', id: 'nowhere/bribery' }, 'x'))).toMatch(/not a chain cell/);
    expect(refused(register, 'invalid', () => addComment(register, assessment.id, { type: 'criterion', id: '7.1(a)' }, '   '))).toMatch(/body: must not be empty/);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
    lockAssessment(register, assessment.id);
    expect(refused(register, 'locked', () => addComment(register, assessment.id, { type: 'criterion', id: '7.1(a)' }, 'late'))).toMatch(/locked/);
    // The database refuses it too, whatever program writes.
    expect(() =>
      register.db.prepare("INSERT INTO comments (uid, assessment_id, thread_type, thread_id, kind, author, body, created_at) VALUES ('x', ?, 'assessment', '', 'comment', 'a', 'b', 'c')").run(assessment.id),
    ).toThrow(/locked assessment/);
  });

  it('a return to draft needs a reason, which is posted to the thread named (or the assessment thread) in the same transaction', async () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    expect(refused(register, 'invalid', () => transitionAssessment(register, assessment.id, 'draft', ' '))).toMatch(/needs a reason/);
    // A bad thread undoes the transition as well.
    expect(refused(register, 'invalid', () => transitionAssessment(register, assessment.id, 'draft', 'why', { type: 'criterion', id: 'nope' }))).toMatch(/thread\.id/);
    const answer = await dispatch(register, ENV, 'assessments.transition', { id: assessment.id, to: 'draft', justification: 'Criterion 7.1(a) has no evidence.', thread: { type: 'criterion', id: '7.1(a)' } });
    expect(answer.ok).toBe(true);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    transitionAssessment(register, assessment.id, 'draft', 'General: re-check the chain.');
    expect(listComments(register, assessment.id).map((c) => [c.threadType, c.threadId, c.kind, c.body])).toEqual([
      ['criterion', '7.1(a)', 'return-reason', 'Criterion 7.1(a) has no evidence.'],
      ['assessment', '', 'return-reason', 'General: re-check the chain.'],
    ]);
  });

  it('validates the API input and names the field', async () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    const answer = await dispatch(register, ENV, 'comments.add', { assessmentId: assessment.id, thread: { type: 'cell', id: 'Bad Cell' }, body: 'x' });
    expect(answer.ok ? null : answer.error.code).toBe('invalid_input');
    expect(answer.ok ? '' : answer.error.message).toMatch(/thread\.id: must be stage\/riskType/);
    const ok = await dispatch(register, ENV, 'comments.add', { assessmentId: assessment.id, thread: { type: 'assessment' }, body: 'Overall fine.' });
    expect(ok.ok).toBe(true);
  });
});
