/** Issue 9: an edited report no longer verifies; the file's SHA-256 is bound by a signed sidecar and the audit log. */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
beforeAll(() => assertCliBuilt());

function exported(format: 'html' | 'csv'): { db: string; report: string; pkg: string } {
  const db = temp.path('demo.sqlite');
  runOk(['demo', '--db', db]);
  const dir = temp.dir();
  const report = join(dir, `baseline.${format}`);
  const run = runOk(['report', '--db', db, '--assessment', '1', '--format', format, '--out', report, '--actor', 'Ana Assessor']);
  expect(run.stdout).toContain('recorded in the audit log');
  const pkg = join(dir, 'package.json');
  runOk(['export', '--db', db, '--authority', '1', '--out', pkg]);
  return { db, report, pkg };
}

describe('verify --report binds the whole file', () => {
  it('an untouched report matches, against the register and against the package', () => {
    const { db, report, pkg } = exported('html');
    const manifest = JSON.parse(readFileSync(`${report}.sig.json`, 'utf8'));
    expect(manifest).toMatchObject({ format: 'permit-integrity/report-manifest', file: 'baseline.html', exportedBy: 'Ana Assessor', signature: expect.stringMatching(/^[0-9a-f]{128}$/) });
    const fromDb = runOk(['verify', db, '--report', report]);
    expect(fromDb.stdout).toContain('exactly the one exported');
    expect(fromDb.stdout).toContain("in the register's audit log");
    expect(fromDb.stdout).toContain('Manifest signature valid');
    expect(runOk(['verify', pkg, '--report', report]).stdout).toContain('exactly the one exported');
  });

  it('the overall score changed in the HTML (digest untouched) no longer verifies', () => {
    const { db, report, pkg } = exported('html');
    const html = readFileSync(report, 'utf8');
    const score = /\b(\d{1,2}\.\d)\b/.exec(html.slice(html.indexOf('<body')))![1]!;
    writeFileSync(report, html.replace(score, '94.4'));
    for (const source of [db, pkg]) {
      const run = runCli(['verify', source, '--report', report]);
      expect(run.status, source).toBe(1);
      expect(run.stdout).toContain('CHANGED after export');
    }
    // Without the sidecar, the register's log still knows the true file's hash.
    rmSync(`${report}.sig.json`);
    const noSidecar = runCli(['verify', db, '--report', report]);
    expect(noSidecar.status).toBe(1);
    expect(noSidecar.stdout).toContain("NOT in the register's audit log");
  });

  it('reads the HTML figures back and names every difference, even with no sidecar and only a package', () => {
    const { report, pkg } = exported('html');
    rmSync(`${report}.sig.json`);
    expect(runOk(['verify', pkg, '--report', report]).stdout).toContain("scores and flag counts match");
    const html = readFileSync(report, 'utf8')
      .replace(/(data-field="overall-score">)[^<]*/, '$194.4')
      .replace(/(data-field="flags-critical">[\s\S]*?<strong>)\d+/, '$10');
    writeFileSync(report, html);
    const run = runCli(['verify', pkg, '--report', report]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('overall-score: the report shows 94.4');
    expect(run.stdout).toContain('flags-critical: the report shows');
  });

  it('a forged sidecar (hash replaced to match the edited file) fails on its signature', () => {
    const { pkg, report } = exported('csv');
    const edited = readFileSync(report, 'utf8').replace(',Yes,2,,2,No,', ',Yes,4,,4,Yes,');
    expect(edited).not.toBe(readFileSync(report, 'utf8'));
    writeFileSync(report, edited);
    const manifest = JSON.parse(readFileSync(`${report}.sig.json`, 'utf8'));
    manifest.sha256 = createHash('sha256').update(readFileSync(report)).digest('hex');
    writeFileSync(`${report}.sig.json`, JSON.stringify(manifest));
    const run = runCli(['verify', pkg, '--report', report]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Manifest signature INVALID');
  });
});
