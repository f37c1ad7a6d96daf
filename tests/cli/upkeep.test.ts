/** update and delete-authority as a consultant runs them, on real registers. */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
beforeAll(() => assertCliBuilt());

function read<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('update and delete-authority', () => {
  it('import refuses a held authority and points to update; update --dry-run shows the diff; update applies it; the same package again is refused as not newer', () => {
    const dir = temp.dir();
    const consultant = join(dir, 'consultant.sqlite');
    const authority = join(dir, 'authority.sqlite');
    runOk(['demo', '--db', consultant]);
    copyFileSync(consultant, authority);
    // At the authority, the 2026 draft is reviewed and locked, then sent as a newer package.
    // Two people: the four-eyes rule keeps the submitter from reviewing and locking.
    for (const [step, actor] of [['submit', 'Ana Assessor'], ['review', 'Rui Reviewer'], ['lock', 'Rui Reviewer']]) runOk([step!, '--db', authority, '--assessment', '2', '--actor', actor!]);
    const pkg = join(dir, 'newer.json');
    runOk(['export', '--db', authority, '--authority', '1', '--out', pkg]);

    const refused = runCli(['import', pkg, '--db', consultant]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`run: permit-integrity update ${pkg} --db ${consultant} --dry-run`);

    const lockedBefore = read(consultant, (db) => db.prepare("SELECT * FROM assessments WHERE status = 'locked'").all());
    const dry = runOk(['update', pkg, '--db', consultant, '--dry-run']);
    expect(dry.stdout).toContain('Dry run, nothing written.');
    expect(dry.stdout).toMatch(/1 replaced: .* \(draft → locked\)/);
    expect(dry.stdout).toMatch(/Locks: 1 locked assessment kept exactly as held: .*; 1 newly locked/);
    runOk(['update', pkg, '--db', consultant, '--actor', 'Consultant']);
    const lockedAfter = read(consultant, (db) => db.prepare("SELECT * FROM assessments WHERE status = 'locked' ORDER BY id").all());
    expect(lockedAfter).toHaveLength(2);
    expect(lockedAfter).toContainEqual(lockedBefore[0]);
    const again = runCli(['update', pkg, '--db', consultant]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is the one already imported; nothing was changed');
    // Nine CLI runs, each a process of its own: slow on a busy machine.
  }, 240_000);

  it('delete-authority refuses without the exact name, then deletes the demo after writing a backup', () => {
    const db = temp.path();
    runOk(['demo', '--db', db]);
    const before = read(db, dumpTables);
    const wrong = runCli(['delete-authority', '--db', db, '--authority', '1', '--confirm', 'Veridia']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("type the authority's name exactly");
    expect(read(db, dumpTables)).toEqual(before);
    const name = read(db, (conn) => (conn.prepare('SELECT name FROM authorities').get() as { name: string }).name);
    const run = runOk(['delete-authority', '--db', db, '--authority', '1', '--confirm', name, '--json']);
    const result = JSON.parse(run.stdout) as { backup: string };
    expect(existsSync(result.backup)).toBe(true);
    expect(read(db, (conn) => conn.prepare('SELECT count(*) AS n FROM authorities').get())).toEqual({ n: 0 });
    expect(runOk(['verify-audit', '--db', db]).stdout).toContain('Audit log intact');
  }, 120_000);
});
