/** Issue 9 on the command line: actors, four eyes, signatures in verify, heads in verify-audit, verify's error paths. */
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentPackage } from '../../shared/package/schema.js';
import { snapshotDigest } from '../../shared/snapshot/canonical.js';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
beforeAll(() => assertCliBuilt());

/** The demo, with its 2026 draft submitted by Ana, reviewed by Rui and locked by Lina. */
function lockedDemo(): { db: string; pkg: string } {
  const db = temp.path('demo.sqlite');
  runOk(['demo', '--db', db]);
  runOk(['submit', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']);
  runOk(['review', '--db', db, '--assessment', '2', '--actor', 'Rui Reviewer']);
  runOk(['lock', '--db', db, '--assessment', '2', '--actor', 'Lina Locker']);
  const pkg = join(temp.dir(), 'package.json');
  runOk(['export', '--db', db, '--authority', '1', '--out', pkg]);
  return { db, pkg };
}

describe('actors and the four-eyes rule', () => {
  it('records --actor of every step, and refuses the submitter as reviewer with exit 1', () => {
    const db = temp.path('demo.sqlite');
    runOk(['demo', '--db', db]);
    expect(runOk(['submit', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']).stdout).toContain('by Ana Assessor');
    const same = runCli(['review', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']);
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('four-eyes rule');
    const unnamed = runCli(['review', '--db', db, '--assessment', '2']);
    expect(unnamed.status).toBe(1);
    runOk(['review', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor', '--override-reason', 'Sole officer this quarter.']);
    const check = new Database(db, { readonly: true });
    try {
      expect(check.prepare("SELECT submitted_by AS s, reviewed_by AS r FROM assessments WHERE id = 2").get()).toEqual({ s: 'Ana Assessor', r: 'Ana Assessor' });
      expect(check.prepare("SELECT justification FROM audit_log WHERE action = 'override'").get()).toEqual({ justification: 'Sole officer this quarter.' });
    } finally {
      check.close();
    }
  });
});

describe('verify: signatures', () => {
  it('says who signed a lock and that the signature is valid; the unsigned demo baseline is called unsigned', () => {
    const { db, pkg } = lockedDemo();
    for (const file of [db, pkg]) {
      const run = runOk(['verify', file]);
      expect(run.stdout).toContain('signature valid: signed by Lina Locker with key');
      expect(run.stdout).toContain('UNSIGNED');
    }
    const key = runOk(['key', '--db', db]).stdout;
    const fingerprint = /fingerprint: ([0-9a-f ]{39})/.exec(key)![1]!;
    expect(runOk(['verify', pkg]).stdout).toContain(fingerprint);
  });

  it('a package whose maturities were all set to 4, digest recomputed, fails verify (invalid signature) and import', () => {
    const { pkg } = lockedDemo();
    const data = JSON.parse(readFileSync(pkg, 'utf8')) as AssessmentPackage;
    const lock = data.assessments.find((a) => a.lock?.signature)!.lock!;
    for (const control of lock.snapshot.controls) control.maturity = 4;
    lock.digest = snapshotDigest(lock.snapshot);
    const forged = join(temp.dir(), 'forged.json');
    writeFileSync(forged, JSON.stringify(data));
    const run = runCli(['verify', forged]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('signature INVALID');
    const imported = runCli(['import', forged, '--db', temp.path('consultant.sqlite')]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('lock.signature');
  });
});

describe('verify-audit with a head', () => {
  it('detects the last rows cut off, given the head printed, the package, or --expect-head', () => {
    const { db, pkg } = lockedDemo();
    const head = (JSON.parse(readFileSync(pkg, 'utf8')) as { auditHead: string }).auditHead;
    expect(runOk(['verify-audit', '--db', db, '--expect-head', head]).stdout).toContain('is still in the log');
    const tamper = new Database(db);
    tamper.exec('DROP TRIGGER audit_log_no_delete');
    // The package's head is the log just before its own export row: cut that row and the lock row before it.
    tamper.exec('DELETE FROM audit_log WHERE id >= (SELECT max(id) - 1 FROM audit_log)');
    tamper.close();
    const plain = runCli(['verify-audit', '--db', db]);
    expect(plain.status).toBe(0);
    for (const args of [['--expect-head', head], ['--package', pkg]]) {
      const run = runCli(['verify-audit', '--db', db, ...args]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('TRUNCATED');
    }
    expect(runCli(['verify-audit', '--db', db, '--expect-head', 'nonsense']).status).toBe(2);
  });
});

describe('verify and other commands on paths that are not packages or registers', () => {
  // Many CLI runs in one test: slow when the machine is busy.
  it('exit 1 with a one-line message, never 70', { timeout: 240_000 }, () => {
    const dir = temp.dir();
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const truncated = join(dir, 'truncated.sqlite');
    const { db } = lockedDemo();
    writeFileSync(truncated, readFileSync(db).subarray(0, 1000));
    const foreign = join(dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    other.close();
    const readOnly = join(dir, 'readonly.sqlite');
    writeFileSync(readOnly, readFileSync(db));
    chmodSync(readOnly, 0o444);
    for (const file of [folder, empty, truncated, foreign, join(dir, 'missing.json')]) {
      const run = runCli(['verify', file]);
      expect(run.status, file).toBe(1);
      expect(run.stderr, file).not.toContain('unexpected error');
      expect(run.stderr.trim().split('\n').length, file).toBeLessThanOrEqual(2);
    }
    // A read-only register can be verified (verify only reads) but not written to.
    expect(runCli(['verify', readOnly]).status).toBe(0);
    const write = runCli(['submit', '--db', readOnly, '--assessment', '1', '--actor', 'X']);
    expect(write.status).toBe(1);
    expect(write.stderr).toContain('read-only');
    const list = runCli(['list', '--db', truncated]);
    expect([1, 2]).toContain(list.status);
    expect(list.stderr).not.toContain('unexpected error');
  });
});

describe('update under a new key', () => {
  it('refuses a newer package signed with another key until --accept-new-key gives a reason', () => {
    const authority = temp.path('authority.sqlite');
    const pkg1 = join(temp.dir(), 'first.json');
    const pkg2 = join(temp.dir(), 'second.json');
    runOk(['demo', '--db', authority]);
    runOk(['submit', '--db', authority, '--assessment', '2', '--actor', 'Ana Assessor']);
    runOk(['review', '--db', authority, '--assessment', '2', '--actor', 'Rui Reviewer']);
    runOk(['lock', '--db', authority, '--assessment', '2', '--actor', 'Rui Reviewer']);
    runOk(['export', '--db', authority, '--authority', '1', '--out', pkg1]);
    const consultant = temp.path('consultant.sqlite');
    runOk(['import', pkg1, '--db', consultant]);

    // The authority moves to a key made elsewhere, and locks its re-assessment with it.
    const otherKeys = join(temp.dir(), 'other-keys');
    mkdirSync(otherKeys);
    const keyFile = join(temp.dir(), 'new.key');
    const elsewhere = temp.path('elsewhere.sqlite');
    runOk(['demo', '--db', elsewhere], { env: { PERMIT_INTEGRITY_KEY_DIR: otherKeys } });
    runOk(['key', '--db', elsewhere, '--export', keyFile], { env: { PERMIT_INTEGRITY_KEY_DIR: otherKeys } });
    runOk(['key', '--db', authority, '--import', keyFile, '--confirm']);
    runOk(['clone', '--db', authority, '--assessment', '2', '--title', '2027 re-assessment']);
    runOk(['submit', '--db', authority, '--assessment', '3', '--actor', 'Ana Assessor']);
    runOk(['review', '--db', authority, '--assessment', '3', '--actor', 'Rui Reviewer']);
    runOk(['lock', '--db', authority, '--assessment', '3', '--actor', 'Rui Reviewer']);
    runOk(['export', '--db', authority, '--authority', '1', '--out', pkg2]);

    const refused = runCli(['update', pkg2, '--db', consultant]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/signed with a different key/);
    expect(runCli(['update', pkg2, '--db', consultant, '--accept-new-key', '   ']).status).toBe(1);
    const accepted = runOk(['update', pkg2, '--db', consultant, '--accept-new-key', 'New key read out by the MA director on the phone.']);
    expect(accepted.stdout).toMatch(/^Updated\./);
    const trusted = JSON.parse(runOk(['key', '--db', consultant, '--json']).stdout) as { trusted: unknown[] };
    expect(trusted.trusted).toHaveLength(2);
  });
});
