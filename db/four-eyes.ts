import { appendAudit } from './audit.js';
import type { AssessmentRow } from './assessments.js';
import { RegisterError } from './errors.js';
import type { Register } from './register.js';
import { DEFAULT_ACTOR, getSetting } from './settings.js';

/** The register setting; absent means on, because separation of duties is what auditors expect. */
export const FOUR_EYES_SETTING = 'four_eyes';

export function fourEyesRequired(register: Register): boolean {
  return getSetting(register, FOUR_EYES_SETTING) !== 'off';
}

/**
 * UNCAC Art. 7 asks for separation of duties, so the app applies it to its
 * own assessments: whoever submitted an assessment may not also review or lock
 * it. An override is possible (a one-person unit), but needs a justification
 * and is written to the audit log. Call inside the step's transaction.
 */
export function checkFourEyes(register: Register, assessment: AssessmentRow & { submittedBy: string | null }, step: 'review' | 'lock', actor: string, override?: string | null): void {
  if (!fourEyesRequired(register)) return;
  const reason = override?.trim();
  const unnamed = actor === DEFAULT_ACTOR;
  const same = assessment.submittedBy !== null && assessment.submittedBy === actor;
  if (!unnamed && !same) return;
  if (!reason) {
    throw new RegisterError(
      'forbidden',
      unnamed
        ? `four-eyes rule: say who you are before you ${step} (set your name in Settings, or --actor NAME), so the log shows a different person from the submitter`
        : `four-eyes rule: ${actor} submitted this assessment, so someone else must ${step} it; or give an override justification (--override-reason TEXT)`,
    );
  }
  appendAudit(register, {
    action: 'override',
    entity: 'assessment',
    entityId: assessment.uid,
    field: 'four_eyes',
    oldValue: { submittedBy: assessment.submittedBy },
    newValue: { step, actor },
    justification: reason,
  });
}
