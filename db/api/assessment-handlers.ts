import { compareResults } from '../../shared/methodology/compare.js';
import { resultView } from '../../shared/report/result-view.js';
import { setApplicability, setChainCell, setCriterionNotes, setOverride, updateAssessmentDetails } from '../assessment-inputs.js';
import { createAssessment, getAssessment, listAssessments } from '../assessments.js';
import { RegisterError } from '../errors.js';
import { cloneAssessment, lockAssessment, transitionAssessment } from '../lifecycle.js';
import type { Register } from '../register.js';
import { assessmentSnapshot, scoreAssessment } from '../snapshot.js';
import type { AssessmentDetail } from '../../shared/api/results.js';
import { assess } from '../../shared/methodology/assess.js';
import type { Handlers } from './handler-types.js';

/** The assessment with its snapshot and PI-1 result: what every assessment screen draws from. */
export function assessmentDetail(register: Register, id: number): AssessmentDetail {
  const assessment = getAssessment(register, id);
  const snapshot = assessmentSnapshot(register, id);
  const result = assess(snapshot);
  return { assessment, snapshot, result, view: resultView(snapshot, result, { status: assessment.status, digest: assessment.digest }) };
}

export const assessmentHandlers: Handlers<
  | 'assessments.list'
  | 'assessments.create'
  | 'assessments.get'
  | 'assessments.update'
  | 'assessments.setOverride'
  | 'assessments.setApplicability'
  | 'assessments.setNotes'
  | 'assessments.setChainCell'
  | 'assessments.transition'
  | 'assessments.lock'
  | 'assessments.clone'
  | 'assessments.compare'
> = {
  'assessments.list': (register, input) =>
    listAssessments(register, input.authorityId).map((assessment) => {
      const result = scoreAssessment(register, assessment.id);
      return { ...assessment, overall: result.overall.score, flagCounts: result.flagCounts };
    }),
  'assessments.create': (register, input) => createAssessment(register, input.authorityId, input.assessment),
  'assessments.get': (register, input) => assessmentDetail(register, input.id),
  'assessments.update': (register, input) => updateAssessmentDetails(register, input.id, { title: input.title, asOf: input.asOf, notes: input.notes }),
  'assessments.setOverride': (register, input) => {
    setOverride(register, input.id, input.criterionId, input.override);
    return assessmentDetail(register, input.id);
  },
  'assessments.setApplicability': (register, input) => {
    setApplicability(register, input.id, input.criterionId, input.applicability);
    return assessmentDetail(register, input.id);
  },
  'assessments.setNotes': (register, input) => {
    setCriterionNotes(register, input.id, input.criterionId, input.notes);
    return assessmentDetail(register, input.id);
  },
  'assessments.setChainCell': (register, input) => {
    setChainCell(register, input.id, input.cell);
    return assessmentDetail(register, input.id);
  },
  'assessments.transition': (register, input) => transitionAssessment(register, input.id, input.to, input.justification, { fourEyesOverride: input.fourEyesOverride }),
  'assessments.lock': (register, input) => lockAssessment(register, input.id, { fourEyesOverride: input.fourEyesOverride }),
  'assessments.clone': (register, input) => cloneAssessment(register, input.id, { title: input.title, asOf: input.asOf }),
  'assessments.compare': (register, input) => {
    const from = getAssessment(register, input.fromId);
    const to = getAssessment(register, input.toId);
    if (from.authorityId !== to.authorityId) throw new RegisterError('invalid', 'toId: only two assessments of the same authority can be compared');
    return compareResults(scoreAssessment(register, input.fromId), scoreAssessment(register, input.toId));
  },
};
