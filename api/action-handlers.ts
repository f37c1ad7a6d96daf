import { actionOutcome, flagKey, outcomesOf, type ActionRecord, type ScoredAssessment } from '../shared/actions/actions.js';
import type { ActionView } from '../shared/api/results.js';
import { createAction, deleteAction, getAction, listActions, updateAction } from '../db/actions.js';
import { getAssessment, listAssessments } from '../db/assessments.js';
import type { Register } from '../db/register.js';
import type { Handlers } from './handler-types.js';
import { scored } from './scoring-cache.js';

/**
 * Every assessment of the authority with the flags its scoring raises now: what judges a done action.
 * Scored through the cache, so listing actions does not rescore what nothing has changed since.
 */
function scoredAssessments(register: Register, authorityId: number): ScoredAssessment[] {
  return listAssessments(register, authorityId).map((a) => ({
    uid: a.uid,
    status: a.status,
    asOf: a.asOf,
    createdAt: a.createdAt,
    flagKeys: new Set(scored(register, a.id).result.flags.map(flagKey)),
  }));
}

/** The actions of one assessment, each with its outcome under the next scoring. */
export function actionViews(register: Register, assessmentId: number, only?: ActionRecord[]): ActionView[] {
  const assessment = getAssessment(register, assessmentId);
  const all = scoredAssessments(register, assessment.authorityId);
  const own = all.find((a) => a.uid === assessment.uid)!;
  const actions = only ?? listActions(register, assessmentId);
  const outcomes = outcomesOf(actions, own, all);
  return actions.map((action, i) => ({ ...action, outcome: outcomes[i] ?? actionOutcome(action.status, null), flagRaised: own.flagKeys.has(action.flagKey) }));
}

function viewOf(register: Register, action: ActionRecord): ActionView {
  return actionViews(register, action.assessmentId, [action])[0]!;
}

export const actionHandlers: Handlers<'actions.list' | 'actions.create' | 'actions.update' | 'actions.delete'> = {
  'actions.list': (register, input) => actionViews(register, input.assessmentId),
  'actions.create': (register, input) => viewOf(register, createAction(register, input.assessmentId, input.flagKey, input.action)),
  'actions.update': (register, input) => viewOf(register, updateAction(register, input.id, input.action)),
  'actions.delete': (register, input) => {
    getAction(register, input.id);
    deleteAction(register, input.id);
    return { deleted: input.id };
  },
};
