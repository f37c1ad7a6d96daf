import type { ControlImportPlan } from '../domain/records.js';

/** A plan's rejected rows, one line each ("line 7: family: …"), for the command line. */
export function rejectedText(plan: ControlImportPlan): string {
  const rejected = plan.rows.filter((r) => r.action === 'rejected');
  return rejected.map((r) => `line ${r.line}: ${r.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`).join('\n');
}
