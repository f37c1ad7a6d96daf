import { assessmentDetail } from '../../db/api/assessment-handlers.js';
import { dispatch } from '../../db/api/dispatch.js';
import { listAssessments } from '../../db/assessments.js';
import { auditForAssessment } from '../../db/audit.js';
import { createDemo } from '../../db/demo.js';
import { registerLibrary } from '../../db/frameworks.js';
import type { Register } from '../../db/register.js';
import { scoreAssessment } from '../../db/snapshot.js';
import { buildReportData, type ReportData } from '../../shared/report/report-data.js';
import { trendOf } from '../../shared/report/trend.js';
import { FIXED_NOW } from '../helpers/temp-register.js';

/** The demo's two assessments: 1 = the locked 2025 baseline (with a digest), 2 = the 2026 draft. */
export const BASELINE = 1;
export const DRAFT = 2;

/**
 * ReportData as the report handler builds it: the assessment's PI-1 detail,
 * its audit rows and the authority's locked assessments as the trend.
 */
export function reportDataOf(register: Register, id: number): ReportData {
  const detail = assessmentDetail(register, id);
  const locked = listAssessments(register, detail.assessment.authorityId)
    .filter((a) => a.status === 'locked')
    .map((a) => ({ uid: a.uid, title: a.title, result: scoreAssessment(register, a.id) }));
  return buildReportData({
    detail,
    frameworks: [...registerLibrary(register).frameworks.values()],
    auditExtract: auditForAssessment(register, detail.assessment.uid),
    trend: trendOf(locked),
    generatedAt: FIXED_NOW,
  });
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
    ['assessments.transition', { id: DRAFT, to: 'submitted' }],
    ['assessments.transition', { id: DRAFT, to: 'reviewed' }],
    ['assessments.lock', { id: DRAFT }],
  ] as const) {
    const result = await dispatch(register, env, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  }
}
