import { describe, expect, it } from 'vitest';
import { createAction, deleteAction, listActions, updateAction } from '../../db/actions.js';
import { listAudit } from '../../db/audit.js';
import { updateControl } from '../../db/controls.js';
import { cloneAssessment, lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import type { Register } from '../../db/register.js';
import { scoreAssessment } from '../../db/snapshot.js';
import { dispatch } from '../../api/dispatch.js';
import { flagKey } from '../../shared/actions/actions.js';
import type { ActionView } from '../../shared/api/results.js';
import { seedAuthority, as, REVIEWER, SUBMITTER } from '../helpers/register-fixtures.js';
import { useTempRegisters, refusedWithoutWrites } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const ENV = { transport: 'browser' as const, version: 'test' };

const refused = refusedWithoutWrites;

/** The seeded authority's "Asset declarations" control (maturity 1, never reviewed) raises an overdue-review flag. */
function overdueReviewKey(register: Register, assessmentId: number, title = 'Asset declarations'): string {
  const flag = scoreAssessment(register, assessmentId).flags.find((f) => f.kind === 'overdue-review' && f.subject.label === title);
  if (!flag) throw new Error(`no overdue-review flag for ${title}`);
  return flagKey(flag);
}

async function call<T>(register: Register, method: string, input: unknown): Promise<T> {
  const answer = await dispatch(register, ENV, method, input);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

describe('actions of the action plan', () => {
  it('makes an action from a raised flag, with the flag fixed and every field audited', () => {
    const register = temp.open();
    const { assessment, controls } = seedAuthority(register);
    const key = overdueReviewKey(register, assessment.id);
    const action = createAction(register, assessment.id, key, { title: 'Review the asset declarations', owner: 'Legal', due: '2026-12-15', controlUids: [controls[2]!.uid] });
    expect(action).toMatchObject({ flagKey: key, flagKind: 'overdue-review', severity: 'low', subjectLabel: 'Asset declarations', status: 'open', owner: 'Legal', due: '2026-12-15', controlUids: [controls[2]!.uid] });
    const updated = updateAction(register, action.id, { title: action.title, owner: 'Legal unit', due: '2026-12-15', status: 'in-progress', controlUids: [controls[2]!.uid] });
    expect(updated.status).toBe('in-progress');
    const audit = listAudit(register, { entity: 'action' });
    expect(audit.map((r) => [r.action, r.field])).toEqual([
      ['create', null],
      ['update', 'owner'],
      ['update', 'status'],
    ]);
    expect(audit[0]!.entityId).toBe(`${assessment.uid}/action/${action.uid}`);
  });

  it('refuses a flag the assessment does not raise, a second action for one flag, unknown controls and accepted risk without a reason', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    const other = seedAuthority(register, 'Another authority');
    const key = overdueReviewKey(register, assessment.id);
    expect(refused(register, 'invalid', () => createAction(register, assessment.id, 'overdue-review:control:nope', { title: 'x' }))).toMatch(/flagKey: this assessment raises no flag/);
    expect(refused(register, 'invalid', () => createAction(register, assessment.id, key, { title: 'x', controlUids: [other.controls[0]!.uid] }))).toMatch(/controlUids: .* is not a control of this authority/);
    expect(refused(register, 'invalid', () => createAction(register, assessment.id, key, { title: 'x', status: 'accepted-risk', justification: '  ' }))).toMatch(/justification: accepting the risk needs a justification/);
    expect(refused(register, 'invalid', () => createAction(register, assessment.id, key, { title: 'x', due: '2026-02-30' }))).toMatch(/due:/);
    createAction(register, assessment.id, key, { title: 'x' });
    expect(refused(register, 'conflict', () => createAction(register, assessment.id, key, { title: 'y' }))).toMatch(/already has an action/);
  });

  it('keeps working on the plan of a locked assessment: a lock freezes the scoring, not the work on its gaps', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    const key = overdueReviewKey(register, assessment.id);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
    lockAssessment(register, assessment.id);
    const action = createAction(register, assessment.id, key, { title: 'Review it' });
    expect(updateAction(register, action.id, { title: 'Review it', status: 'done' }).status).toBe('done');
    deleteAction(register, action.id);
    expect(listActions(register, assessment.id)).toEqual([]);
    expect(listAudit(register, { entity: 'action' }).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('a clone carries the open and in-progress actions, not the done or accepted ones, and only once', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    const flags = scoreAssessment(register, assessment.id).flags;
    const [a, b, c, d] = flags.slice(0, 4).map(flagKey);
    const open = createAction(register, assessment.id, a!, { title: 'open one', owner: 'HR', due: '2027-01-31' });
    createAction(register, assessment.id, b!, { title: 'in progress', status: 'in-progress' });
    createAction(register, assessment.id, c!, { title: 'done', status: 'done' });
    createAction(register, assessment.id, d!, { title: 'accepted', status: 'accepted-risk', justification: 'Budget goes to e-permitting first.' });
    const clone = cloneAssessment(register, assessment.id, { asOf: '2027-10-31' });
    const carried = listActions(register, clone.id);
    expect(carried.map((x) => [x.title, x.status])).toEqual([
      ['open one', 'open'],
      ['in progress', 'in-progress'],
    ]);
    expect(carried[0]).toMatchObject({ owner: 'HR', due: '2027-01-31', carriedFrom: open.uid, carriedTo: null });
    const source = listActions(register, assessment.id);
    expect(source.find((x) => x.uid === open.uid)!.carriedTo).toBe(carried[0]!.uid);
    // A second clone of the same source does not carry the same work twice.
    const again = cloneAssessment(register, assessment.id, { asOf: '2027-11-30' });
    expect(listActions(register, again.id)).toEqual([]);
    const audit = listAudit(register, { entity: 'assessment', entityId: clone.uid });
    expect(JSON.parse(audit[0]!.newValue!)).toMatchObject({ actionsCarried: 2 });
  });

  it('says "done, but the gap remains" when the next scoring still raises the flag, and "gap closed" once it does not', async () => {
    const register = temp.open();
    const { assessment, controls } = seedAuthority(register);
    const key = overdueReviewKey(register, assessment.id);
    const created = await call<ActionView>(register, 'actions.create', { assessmentId: assessment.id, flagKey: key, action: { title: 'Review the asset declarations' } });
    expect(created.outcome).toBe('open');
    const done = await call<ActionView>(register, 'actions.update', { id: created.id, action: { title: created.title, status: 'done' } });
    // A draft is re-scored as it changes: the flag is still raised, so the gap remains.
    expect(done).toMatchObject({ outcome: 'done-gap-remains', flagRaised: true });
    // Lock it: the frozen scoring no longer judges it; no later scoring yet.
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
    lockAssessment(register, assessment.id);
    expect((await call<ActionView[]>(register, 'actions.list', { assessmentId: assessment.id }))[0]!.outcome).toBe('done-awaiting-rescore');
    // The re-assessment still raises the flag: done, but the gap remains.
    cloneAssessment(register, assessment.id, { asOf: '2026-11-30' });
    expect((await call<ActionView[]>(register, 'actions.list', { assessmentId: assessment.id }))[0]!.outcome).toBe('done-gap-remains');
    // The control is reviewed: the next scoring no longer raises it.
    const c = controls[2]!;
    updateControl(register, c.id, { family: c.family, title: c.title, owner: c.owner, maturity: c.maturity, lastReviewed: '2026-10-31' });
    const after = (await call<ActionView[]>(register, 'actions.list', { assessmentId: assessment.id }))[0]!;
    expect(after.outcome).toBe('done-gap-closed');
    expect(after.flagRaised).toBe(true);
  });

  it('validates API input and names the field', async () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    const answer = await dispatch(register, ENV, 'actions.create', { assessmentId: assessment.id, flagKey: 'x', action: { title: '', extra: 1 } });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatchObject({ code: 'invalid_input' });
    if (!answer.ok) expect(answer.error.message).toMatch(/action\.title/);
    const missing = await dispatch(register, ENV, 'actions.delete', { id: 999 });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});
