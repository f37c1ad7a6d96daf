import { describe, expect, it } from 'vitest';
import { createAction, listActions, updateAction } from '../../db/actions.js';
import { findAssessmentByUid } from '../../db/assessments.js';
import { addComment, listComments } from '../../db/comments.js';
import { createDemo, demoPackage } from '../../db/demo.js';
import { deleteControl } from '../../db/controls.js';
import { cloneAssessment, transitionAssessment } from '../../db/lifecycle.js';
import { exportPackage } from '../../db/package-export.js';
import { importPackage } from '../../db/package-import.js';
import { scoreAssessment } from '../../db/snapshot.js';
import { flagKey } from '../../shared/actions/actions.js';
import { PackageValidationError } from '../../shared/package/validate.js';
import { rowCounts, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

/** The demo with an action plan on its locked baseline and on the draft, and comments on the draft. */
function demoWithPlan() {
  const register = temp.open({ now: () => '2026-11-01T10:00:00.000Z' });
  const summary = createDemo(register);
  const baseline = findAssessmentByUid(register, 'demo-assessment-2025')!;
  const draft = findAssessmentByUid(register, 'demo-assessment-2026')!;
  const [first, second] = scoreAssessment(register, baseline.id).flags.map(flagKey);
  const done = createAction(register, baseline.id, first!, { title: 'Fixed it', status: 'done', owner: 'HR' });
  createAction(register, baseline.id, second!, { title: 'Accepted', status: 'accepted-risk', justification: 'Low impact; revisit in 2027.' });
  const draftFlag = flagKey(scoreAssessment(register, draft.id).flags[0]!);
  const controlUid = (register.db.prepare('SELECT uid FROM controls LIMIT 1').get() as { uid: string }).uid;
  createAction(register, draft.id, draftFlag, { title: 'Open work', owner: 'Legal', due: '2026-12-31', controlUids: [controlUid], notes: 'Line 1\nLine 2' });
  addComment(register, draft.id, { type: 'criterion', id: '7.1(a)' }, 'Please attach the vetting policy.');
  addComment(register, draft.id, { type: 'cell', id: 'permit_issuance/bribery' }, 'Impact 5 seems high.');
  transitionAssessment(register, draft.id, 'submitted');
  transitionAssessment(register, draft.id, 'draft', 'See the two threads.');
  void done;
  return { register, summary, baseline, draft };
}

describe('packages carry the action plan and the comment threads', () => {
  it('exports and re-imports actions and comments unchanged, in another register', () => {
    const { register, summary } = demoWithPlan();
    const pkg = exportPackage(register, summary.authorityId);
    expect(pkg.assessments.map((a) => [a.uid, a.actions.length, a.comments.length])).toEqual([
      ['demo-assessment-2025', 2, 0],
      ['demo-assessment-2026', 1, 3],
    ]);
    const target = temp.open({ now: () => '2026-11-02T10:00:00.000Z' });
    importPackage(target, JSON.parse(JSON.stringify(pkg)));
    const again = exportPackage(target, findAuthorityId(target));
    expect(again.assessments.map((a) => ({ actions: a.actions, comments: a.comments }))).toEqual(pkg.assessments.map((a) => ({ actions: a.actions, comments: a.comments })));
    const draft = findAssessmentByUid(target, 'demo-assessment-2026')!;
    expect(listComments(target, draft.id).map((c) => c.kind)).toEqual(['comment', 'comment', 'return-reason']);
    expect(listActions(target, draft.id)[0]).toMatchObject({ title: 'Open work', notes: 'Line 1\nLine 2' });
  });

  it('imports a package written before actions and comments existed, unchanged', () => {
    const register = temp.open();
    const old = JSON.parse(JSON.stringify(demoPackage())) as Record<string, unknown> & { assessments: Array<Record<string, unknown>> };
    for (const a of old.assessments) {
      delete a.actions;
      delete a.comments;
    }
    const summary = importPackage(register, old);
    expect(summary.assessments).toBe(2);
    expect(rowCounts(register.db)).toMatchObject({ actions: 0, comments: 0 });
  });

  it('refuses broken references and duplicates with a path per problem, writing nothing', () => {
    const { register, summary } = demoWithPlan();
    const pkg = JSON.parse(JSON.stringify(exportPackage(register, summary.authorityId)));
    const draft = pkg.assessments[1];
    draft.actions.push({ ...draft.actions[0], uid: 'second-action' });
    draft.actions[0].controlUids = ['no-such-control'];
    draft.comments[0].thread = { type: 'criterion', id: '99.9' };
    draft.comments[1].thread = { type: 'cell', id: 'permit_issuance/no_risk' };
    pkg.assessments[0].actions[1].justification = ' ';
    const target = temp.open();
    let error: unknown;
    try {
      importPackage(target, pkg);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/\$\.assessments\[0\]\.actions\[1\]\.justification: accepting the risk needs a justification/);
    expect(rowCounts(target.db).actions).toBe(0);
    // Shape checked first; fix it and the references are checked.
    pkg.assessments[0].actions[1].justification = 'ok';
    try {
      importPackage(target, pkg);
    } catch (e) {
      error = e;
    }
    const issues = (error as PackageValidationError).issues.map((i) => i.path);
    expect(issues).toEqual([
      '$.assessments[1].actions[0].controlUids[0]',
      '$.assessments[1].actions[1].flagKey',
      '$.assessments[1].comments[0].thread.id',
      '$.assessments[1].comments[1].thread.id',
    ]);
    expect(rowCounts(target.db).authorities).toBe(0);
  });

  it('drops a linked control deleted since, so the exported package still imports', () => {
    const { register, summary, draft } = demoWithPlan();
    const linked = listActions(register, draft.id)[0]!.controlUids[0]!;
    const id = (register.db.prepare('SELECT id FROM controls WHERE uid = ?').get(linked) as { id: number }).id;
    deleteControl(register, id);
    const pkg = exportPackage(register, summary.authorityId);
    expect(pkg.assessments.find((a) => a.uid === draft.uid)!.actions[0]!.controlUids).toEqual([]);
    const target = temp.open();
    expect(importPackage(target, JSON.parse(JSON.stringify(pkg))).assessments).toBe(2);
  });

  it('a carried action keeps its link to the one it continues through a package', () => {
    const { register, summary, draft } = demoWithPlan();
    const clone = cloneAssessment(register, draft.id, { asOf: '2027-10-31' });
    const carried = listActions(register, clone.id);
    expect(carried).toHaveLength(1);
    updateAction(register, carried[0]!.id, { title: 'Open work', status: 'in-progress' });
    const pkg = exportPackage(register, summary.authorityId);
    const source = pkg.assessments.find((a) => a.uid === draft.uid)!.actions[0]!;
    const copy = pkg.assessments.find((a) => a.uid === clone.uid)!.actions[0]!;
    expect(source.carriedTo).toBe(copy.uid);
    expect(copy.carriedFrom).toBe(source.uid);
  });
});

function findAuthorityId(register: ReturnType<typeof temp.open>): number {
  return (register.db.prepare('SELECT id FROM authorities LIMIT 1').get() as { id: number }).id;
}
