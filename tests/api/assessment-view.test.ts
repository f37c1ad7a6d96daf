import { describe, expect, it } from 'vitest';
import { dispatchSync as dispatch } from '../../api/dispatch.js';
import { createDemo } from '../../db/demo.js';
import { registerLibrary } from '../../db/frameworks.js';
import { listChainInputs, listCriterionInputs, setOverride } from '../../db/assessment-inputs.js';
import { assessmentSnapshot } from '../../db/snapshot.js';
import { applyChange, NAMED_CONTROLS, type AssessmentChange, type AssessmentDetail } from '../../shared/api/assessment-view.js';
import type { FlagPage } from '../../shared/api/results.js';
import { assess } from '../../shared/methodology/assess.js';
import { snapshotWithInputs } from '../../shared/snapshot/build.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };

function ok<T>(result: ReturnType<typeof dispatch>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function demo() {
  const register = temp.open();
  createDemo(register);
  return register;
}

const EDITS: Array<[string, Record<string, unknown>]> = [
  ['assessments.setOverride', { id: 2, criterionId: '7.1(a)', override: { maturity: 4, justification: 'Merit-based recruitment law adopted and applied.' } }],
  ['assessments.setApplicability', { id: 2, criterionId: '12.2(e)', applicability: { applicable: false, justification: 'No post-employment rules apply to this authority by statute.' } }],
  ['assessments.setChainCell', { id: 2, cell: { stage: 'permit_issuance', riskType: 'bribery', likelihood: 5, impact: 5 } }],
  ['assessments.setNotes', { id: 2, criterionId: '7.1(b)', notes: 'Vetting covers new hires only.' }],
  ['assessments.setOverride', { id: 2, criterionId: '7.1(a)', override: null }],
];

describe('edits answer with what changed', () => {
  it('applying each answer to the held view gives exactly the view a fresh load gives', () => {
    const register = demo();
    let held = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    for (const [method, input] of EDITS) {
      const change = ok<AssessmentChange>(dispatch(register, env, method, input));
      const next = applyChange(held, change);
      expect(next, method).not.toBeNull();
      expect(next).toEqual(ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 })));
      held = next!;
    }
  });

  it('an answer relative to another version is not applied (the screen reloads instead)', () => {
    const register = demo();
    const stale = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    ok(dispatch(register, env, EDITS[0]![0], EDITS[0]![1]));
    const second = ok<AssessmentChange>(dispatch(register, env, EDITS[2]![0], EDITS[2]![1]));
    expect(applyChange(stale, second)).toBeNull();
  });

  it('a write behind the API (another connection or module) is never hidden by the cache', () => {
    const register = demo();
    const first = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    setOverride(register, 2, '7.1(b)', { maturity: 4, justification: 'Changed directly in the register for this test.' });
    const second = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    expect(second.version).not.toBe(first.version);
    expect(second.result.criteria.find((c) => c.id === '7.1(b)')!.final).toBe(4);
    // Another connection to the same file: SQLite's data_version moves.
    const other = temp.raw(register.file);
    other.prepare("UPDATE controls SET maturity = 0 WHERE uid = 'demo-control-09'").run();
    const third = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    expect(third.version).not.toBe(second.version);
    expect(third.result.overall).toEqual(assess(assessmentSnapshot(register, 2)).overall);
  });
});

describe('large registers stay small on the wire', () => {
  it('names at most NAMED_CONTROLS controls per facet and cell, counts the rest, and pages control flags', () => {
    const register = demo();
    for (let i = 0; i < 60; i++) {
      const control = { family: 'vetting', title: `Vetting step ${i}`, description: '', owner: 'HR', maturity: 2, lastReviewed: null, stages: null, riskTypes: null };
      ok(dispatch(register, env, 'controls.create', { authorityId: 1, control }));
    }
    const detail = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    const full = assess(assessmentSnapshot(register, 2));
    for (const [i, cell] of detail.result.chain.entries()) {
      expect(cell.controls.length).toBeLessThanOrEqual(NAMED_CONTROLS);
      expect(cell.controlCount).toBe(full.chain[i]!.controls.length);
      for (const uid of cell.controls) expect(detail.controls[uid]).toBeDefined();
    }
    expect(Math.max(...detail.result.chain.map((c) => c.controlCount))).toBeGreaterThan(NAMED_CONTROLS);
    const overdue = full.flags.filter((f) => f.kind === 'overdue-review');
    const page = ok<FlagPage>(dispatch(register, env, 'assessments.flags', { id: 2, kind: 'overdue-review', offset: 10, limit: 25 }));
    expect(page.total).toBe(overdue.length);
    expect(page.flags).toEqual(overdue.slice(10, 35));
    expect(ok<FlagPage>(dispatch(register, env, 'assessments.flags', { id: 2, limit: 1000 })).flags.every((f) => f.subject.type === 'control')).toBe(true);
  });

  it('refuses a page size over 1,000 with the field named', () => {
    const result = dispatch(demo(), env, 'assessments.flags', { id: 2, limit: 5000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('limit');
  });
});

describe('snapshotWithInputs', () => {
  it('equals a snapshot built afresh with the same inputs, and shares the controls array', () => {
    const register = demo();
    const before = assessmentSnapshot(register, 2);
    setOverride(register, 2, '7.1(a)', { maturity: 3, justification: 'Recruitment rules adopted in 2025.' });
    const rebuilt = snapshotWithInputs(before, registerLibrary(register), listCriterionInputs(register, 2), listChainInputs(register, 2));
    expect(rebuilt).toEqual(assessmentSnapshot(register, 2));
    expect(rebuilt.controls).toBe(before.controls);
    // PI-1 on the shared (memoised) controls gives what it gives on a fresh copy.
    expect(assess(rebuilt)).toEqual(assess(structuredClone(rebuilt)));
  });
});
