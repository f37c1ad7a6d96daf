import { describe, expect, it } from 'vitest';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../shared/domain/vocabulary.js';
import { allowedTransitions, canClone, canTransition, inputsEditable, transitionError } from '../../shared/methodology/lifecycle.js';

describe('assessment lifecycle (PI-1 §7)', () => {
  it('moves forward draft → submitted → reviewed → locked', () => {
    expect(canTransition('draft', 'submitted')).toBe(true);
    expect(canTransition('submitted', 'reviewed')).toBe(true);
    expect(canTransition('reviewed', 'locked')).toBe(true);
  });

  it('has exactly these transitions (forward, plus back to draft from submitted and reviewed)', () => {
    expect(allowedTransitions('draft')).toEqual(['submitted']);
    expect([...allowedTransitions('submitted')].sort()).toEqual(['draft', 'reviewed']);
    expect([...allowedTransitions('reviewed')].sort()).toEqual(['draft', 'locked']);
  });

  it('never skips a step', () => {
    expect(canTransition('draft', 'reviewed')).toBe(false);
    expect(canTransition('draft', 'locked')).toBe(false);
    expect(canTransition('submitted', 'locked')).toBe(false);
  });

  it('locked has no transition at all, to any status including itself', () => {
    expect(allowedTransitions('locked')).toEqual([]);
    for (const to of ASSESSMENT_STATUSES) expect(canTransition('locked', to)).toBe(false);
    expect(transitionError('locked', 'draft')).toMatch(/can never change; clone it/);
  });

  it('no status transitions to itself', () => {
    for (const status of ASSESSMENT_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('canTransition agrees with allowedTransitions for every pair', () => {
    for (const from of ASSESSMENT_STATUSES) {
      for (const to of ASSESSMENT_STATUSES) {
        expect(canTransition(from, to)).toBe(allowedTransitions(from).includes(to));
      }
    }
  });

  it('explains a refused move with the allowed ones', () => {
    expect(transitionError('draft', 'locked')).toBe('cannot move an assessment from draft to locked; from draft it can go to submitted');
  });

  it('inputs are editable only in draft', () => {
    const editable = Object.fromEntries(ASSESSMENT_STATUSES.map((s: AssessmentStatus) => [s, inputsEditable(s)]));
    expect(editable).toEqual({ draft: true, submitted: false, reviewed: false, locked: false });
  });

  it('any assessment, locked included, can be cloned into a new draft', () => {
    for (const status of ASSESSMENT_STATUSES) expect(canClone(status)).toBe(true);
  });
});
