import { dispatch } from '../../api/dispatch.js';
import { createDemo } from '../../db/demo.js';
import type { Register } from '../../db/register.js';
import type { ReportData } from '../../shared/report/report-data.js';
import { reportData } from '../../api/report-handlers.js';

/** The demo's two assessments: 1 = the locked 2025 baseline (with a digest), 2 = the 2026 draft. */
export const BASELINE = 1;
export const DRAFT = 2;

/** ReportData exactly as the report handler builds it (with the register's clock, fixed in tests). */
export function reportDataOf(register: Register, id: number): ReportData {
  return reportData(register, id);
}

/** A register holding the demo. */
export function demoRegister(open: () => Register): Register {
  const register = open();
  createDemo(register);
  return register;
}

/** Takes the demo draft through submission and review to locked, through the API, so the authority has two locked assessments. */
export async function lockDraft(register: Register): Promise<void> {
  const env = { transport: 'browser' as const, version: 'test' };
  for (const [method, input] of [
    ['assessments.setNotes', { id: DRAFT, criterionId: '7.4', notes: 'Declarations reviewed by the focal point in 2026.' }],
    ['settings.set', { actor: 'Ana Assessor' }],
    ['assessments.transition', { id: DRAFT, to: 'submitted' }],
    // The four-eyes rule: someone else reviews and locks.
    ['settings.set', { actor: 'Rui Reviewer' }],
    ['assessments.transition', { id: DRAFT, to: 'reviewed' }],
    ['assessments.lock', { id: DRAFT }],
  ] as const) {
    const result = await dispatch(register, env, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  }
}
