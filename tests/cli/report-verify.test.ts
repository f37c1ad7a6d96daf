import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
beforeAll(() => assertCliBuilt());

function demoRegister(): string {
  const db = temp.path('demo.sqlite');
  runOk(['demo', '--db', db]);
  return db;
}

const BASELINE_DIGEST = (db: string) => {
  const check = new Database(db, { readonly: true });
  try {
    return (check.prepare("SELECT digest FROM assessments WHERE uid = 'demo-assessment-2025'").get() as { digest: string }).digest;
  } finally {
    check.close();
  }
};

describe('permit-integrity report', () => {
  // Eight CLI runs (each report now also records its hash and writes a signed sidecar): slow on a busy machine.
  it('writes every format, prints the quality check first, and refuses wrong usage', { timeout: 240_000 }, () => {
    const db = demoRegister();
    const dir = temp.dir();
    for (const format of ['html', 'xlsx', 'csv', 'docx']) {
      const out = join(dir, `report.${format}`);
      const run = runOk(['report', '--db', db, '--assessment', '2', '--format', format, '--lang', 'es', '--out', out]);
      expect(run.stdout).toMatch(/^Quality check: \d+ point\(s\)/);
      expect(run.stdout).toContain(`Wrote ${out}`);
      expect(readFileSync(out).byteLength).toBeGreaterThan(100);
    }
    expect(readFileSync(join(dir, 'report.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
    expect(runCli(['report', '--db', db, '--assessment', '2', '--format', 'odt', '--out', join(dir, 'x')]).status).toBe(2);
    expect(runCli(['report', '--db', db, '--assessment', '2', '--format', 'html', '--lang', 'de', '--out', join(dir, 'x')]).status).toBe(2);
    expect(runCli(['report', '--db', db, '--assessment', '99', '--format', 'html', '--out', join(dir, 'x')]).status).toBe(1);
  });
});

describe('permit-integrity verify', () => {
  it("says a locked assessment's report digest matches its register and its package", () => {
    const db = demoRegister();
    const dir = temp.dir();
    const report = join(dir, 'baseline.html');
    runOk(['report', '--db', db, '--assessment', '1', '--format', 'html', '--out', report]);
    const digest = BASELINE_DIGEST(db);
    const fromDb = runOk(['verify', db, '--report', report]);
    expect(fromDb.stdout).toContain(`matches locked assessment demo-assessment-2025`);
    expect(fromDb.stdout).toContain(digest);
    const pkg = join(dir, 'package.json');
    runOk(['export', '--db', db, '--authority', '1', '--out', pkg]);
    expect(runOk(['verify', pkg, '--digest', digest]).stdout).toContain('intact');
  });

  it('fails on a package with a single changed byte in the locked snapshot', () => {
    const db = demoRegister();
    const pkg = join(temp.dir(), 'package.json');
    runOk(['export', '--db', db, '--authority', '1', '--out', pkg]);
    expect(runCli(['verify', pkg]).status).toBe(0);
    const text = readFileSync(pkg, 'utf8');
    // "2025 baseline" → "2025 baselinf" inside the locked snapshot's assessment title: one byte.
    const at = text.indexOf('"title": "2025 baseline"', text.indexOf('"snapshot"'));
    expect(at).toBeGreaterThan(0);
    const changed = `${text.slice(0, at)}"title": "2025 baselinf"${text.slice(at + '"title": "2025 baseline"'.length)}`;
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    const tampered = join(temp.dir(), 'tampered.json');
    writeFileSync(tampered, changed);
    const run = runCli(['verify', tampered, '--digest', BASELINE_DIGEST(db)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('ALTERED');
    expect(run.stdout).toContain('matches NO locked assessment');
  });

  it('fails on a register whose stored snapshot was edited behind the triggers', () => {
    const db = demoRegister();
    const raw = new Database(db);
    raw.exec('DROP TRIGGER assessments_locked_update');
    raw.prepare("UPDATE assessments SET snapshot = replace(snapshot, '2025 baseline', '2025 baselinf') WHERE uid = 'demo-assessment-2025'").run();
    raw.close();
    const run = runCli(['verify', db]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ALTERED\s+demo-assessment-2025/);
  });

  it('refuses a report of a draft (it has no digest) and wrong usage', () => {
    const db = demoRegister();
    const report = join(temp.dir(), 'draft.html');
    runOk(['report', '--db', db, '--assessment', '2', '--format', 'html', '--out', report]);
    const run = runCli(['verify', db, '--report', report]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not locked');
    expect(runCli(['verify', db, '--digest', 'abc']).status).toBe(2);
    expect(runCli(['verify']).status).toBe(2);
  });
});
