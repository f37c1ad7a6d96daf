import type { assessmentContract } from '../shared/api/contract/assessments.js';
import { diffViews, isControlFlag } from '../shared/api/assessment-view.js';
import type { ScoredAssessment } from '../shared/api/results.js';
import { compareResults } from '../shared/methodology/compare.js';
import { resultView } from '../shared/report/result-view.js';
import { setApplicability, setChainCell, setCriterionNotes, setOverride, updateAssessmentDetails } from '../db/assessment-inputs.js';
import { createAssessment, getAssessment, listAssessments } from '../db/assessments.js';
import { RegisterError } from '../db/errors.js';
import { cloneAssessment, lockAssessment, transitionAssessment } from '../db/lifecycle.js';
import type { Register } from '../db/register.js';
import type { Handlers } from './handler-types.js';
import { rescoreAfterInputEdit, scored } from './scoring-cache.js';

/** The assessment scored in full (snapshot, result and result@1 view), for reports and exports. */
export function scoredAssessment(register: Register, id: number): ScoredAssessment {
  const { assessment, snapshot, result } = scored(register, id);
  return { assessment, snapshot, result, view: resultView(snapshot, result, { status: assessment.status, digest: assessment.digest }) };
}

/** An input edit answers with what it changed, relative to the view the screen holds. */
function inputEdit(register: Register, id: number, write: () => void) {
  const { before, after } = rescoreAfterInputEdit(register, id, write);
  return diffViews(before.view, after.view);
}

export const assessmentHandlers: Handlers<keyof typeof assessmentContract> = {
  'assessments.list': (register, input) =>
    listAssessments(register, input.authorityId).map((assessment) => {
      const { result } = scored(register, assessment.id);
      return { ...assessment, overall: result.overall.score, flagCounts: result.flagCounts };
    }),
  'assessments.create': (register, input) => createAssessment(register, input.authorityId, input.assessment),
  'assessments.get': (register, input) => scored(register, input.id).view,
  'assessments.flags': (register, input) => {
    const matching = scored(register, input.id).result.flags.filter(
      (flag) => isControlFlag(flag) && (!input.kind || flag.kind === input.kind) && (!input.severity || flag.severity === input.severity),
    );
    return { total: matching.length, offset: input.offset, flags: matching.slice(input.offset, input.offset + input.limit) };
  },
  'assessments.update': (register, input) => updateAssessmentDetails(register, input.id, { title: input.title, asOf: input.asOf, notes: input.notes }),
  'assessments.setOverride': (register, input) => inputEdit(register, input.id, () => setOverride(register, input.id, input.criterionId, input.override)),
  'assessments.setApplicability': (register, input) =>
    inputEdit(register, input.id, () => setApplicability(register, input.id, input.criterionId, input.applicability)),
  'assessments.setNotes': (register, input) => inputEdit(register, input.id, () => setCriterionNotes(register, input.id, input.criterionId, input.notes)),
  'assessments.setChainCell': (register, input) => inputEdit(register, input.id, () => setChainCell(register, input.id, input.cell)),
  'assessments.transition': (register, input) => transitionAssessment(register, input.id, input.to, input.justification, input.thread, { fourEyesOverride: input.fourEyesOverride }),
  'assessments.lock': (register, input) => lockAssessment(register, input.id, { fourEyesOverride: input.fourEyesOverride }),
  'assessments.clone': (register, input) => cloneAssessment(register, input.id, { title: input.title, asOf: input.asOf }),
  'assessments.compare': (register, input) => {
    const from = getAssessment(register, input.fromId);
    const to = getAssessment(register, input.toId);
    if (from.authorityId !== to.authorityId) throw new RegisterError('invalid', 'toId: only two assessments of the same authority can be compared');
    return compareResults(scored(register, input.fromId).result, scored(register, input.toId).result);
  },
};
