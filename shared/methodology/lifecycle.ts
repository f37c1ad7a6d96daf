import type { AssessmentStatus } from '../domain/vocabulary.js';

/**
 * PI-1 §7: draft → submitted → reviewed → locked. A reviewer may send a
 * submitted or reviewed assessment back to draft; nothing leaves `locked`.
 */
const TRANSITIONS: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = {
  draft: ['submitted'],
  submitted: ['reviewed', 'draft'],
  reviewed: ['locked', 'draft'],
  locked: [],
};

export function allowedTransitions(from: AssessmentStatus): readonly AssessmentStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: AssessmentStatus, to: AssessmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Only a draft's inputs (overrides, applicability, chain, notes) may change. */
export function inputsEditable(status: AssessmentStatus): boolean {
  return status === 'draft';
}

/** Any assessment can be cloned into a new draft; locked ones are how re-assessment starts. */
export function canClone(_status: AssessmentStatus): boolean {
  return true;
}

export function transitionError(from: AssessmentStatus, to: AssessmentStatus): string {
  const allowed = TRANSITIONS[from];
  return allowed.length
    ? `cannot move an assessment from ${from} to ${to}; from ${from} it can go to ${allowed.join(' or ')}`
    : `a ${from} assessment can never change; clone it to start a new draft`;
}
