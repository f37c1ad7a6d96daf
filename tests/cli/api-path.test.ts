/** The CLI's commands run the API's handlers (cli/api-call.ts): the app's validation and refusals reach the terminal unchanged. */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
beforeAll(() => assertCliBuilt());

function counts(db: string): { assessments: number; audit: number } {
  const handle = new Database(db, { readonly: true });
  try {
    const one = (sql: string) => (handle.prepare(sql).get() as { n: number }).n;
    return { assessments: one('SELECT count(*) AS n FROM assessments'), audit: one('SELECT count(*) AS n FROM audit_log') };
  } finally {
    handle.close();
  }
}

describe('CLI commands through the API', () => {
  it("refuses what the API's input schema refuses, naming the field, and writes nothing", () => {
    const db = temp.path('demo.sqlite');
    runOk(['demo', '--db', db]);
    const before = counts(db);
    // A control character in a title: the API's text check (a CLI-only path would have stored it).
    const clone = runCli(['clone', '--db', db, '--assessment', '2', '--title', 'Re-assessment\u0007']);
    expect(clone.status).toBe(1);
    expect(clone.stderr).toMatch(/invalid input for assessments\.clone: title/);
    // A blank override reason: the contract requires a justification.
    runOk(['submit', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']);
    const review = runCli(['review', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor', '--override-reason', '   ']);
    expect(review.status).toBe(1);
    expect(review.stderr).toMatch(/fourEyesOverride: a justification is required/);
    expect(counts(db).assessments).toBe(before.assessments);
  });

  it('answers with the API\'s codes turned into exit statuses: a missing record is bad input (1), never a crash', () => {
    const db = temp.path('demo.sqlite');
    runOk(['demo', '--db', db]);
    const lock = runCli(['lock', '--db', db, '--assessment', '999', '--actor', 'Lina Locker']);
    expect(lock.status).toBe(1);
    expect(lock.stderr).toMatch(/assessment 999/);
    const exported = runCli(['export', '--db', db, '--authority', '42', '--out', temp.path('x.json')]);
    expect(exported.status).toBe(1);
    expect(exported.stderr).toMatch(/authority 42/);
  });

  it('records the same audit rows as the app: an override through the CLI is logged with its reason', () => {
    const db = temp.path('demo.sqlite');
    runOk(['demo', '--db', db]);
    runOk(['submit', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']);
    runOk(['review', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor', '--override-reason', 'One-person unit; approved by the director.']);
    const handle = new Database(db, { readonly: true });
    try {
      const row = handle.prepare("SELECT actor, justification FROM audit_log WHERE action = 'override' ORDER BY id DESC LIMIT 1").get() as { actor: string; justification: string };
      expect(row).toEqual({ actor: 'Ana Assessor', justification: 'One-person unit; approved by the director.' });
    } finally {
      handle.close();
    }
  });
});
