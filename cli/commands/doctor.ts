import { existsSync } from 'node:fs';
import { parse } from '../args.js';
import { printJson, type Output } from '../context.js';
import { doctorChecks, type Check } from '../doctor-checks.js';
import { defaultRegisterPath } from '../user-data.js';
import { PROJECT_ROOT } from './start.js';

export const doctorUsage = 'doctor [--db FILE] [--json]';

/** Checks Node, both SQLite driver builds, Electron, Chromium and the register; exit 1 if anything is wrong. */
export function doctorCommand(argv: string[], io: Output): number {
  const { values } = parse(argv, { db: { type: 'string' } });
  const fallback = defaultRegisterPath();
  const register = typeof values.db === 'string' ? values.db : existsSync(fallback) ? fallback : null;
  const checks = doctorChecks({ root: PROJECT_ROOT, register });
  const problems = checks.filter((check) => !check.ok);
  if (values.json) printJson(io, { ok: problems.length === 0, checks });
  else {
    for (const check of checks) io.out(line(check));
    io.out(problems.length ? `${problems.length} problem(s) found.` : 'Everything needed is in place.');
  }
  return problems.length ? 1 : 0;
}

function line(check: Check): string {
  return check.ok ? `ok       ${check.name}: ${check.detail}` : `PROBLEM  ${check.name}: ${check.detail}\n         fix: ${check.fix}`;
}
