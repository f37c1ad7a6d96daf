import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainFindings, explanationFor, unexplainedFindings, type AllowlistEntry, type Finding } from '../../electron/check-electronegativity.mjs';

const allowlist = (JSON.parse(readFileSync(new URL('../../electron/electronegativity-allowlist.json', import.meta.url), 'utf8')) as { findings: AllowlistEntry[] }).findings;

function finding(check: string, file: string, sample = ''): Finding {
  return { check, severity: 'MEDIUM', confidence: 'FIRM', file, location: '1:1', sample, description: '' };
}

describe('Electronegativity allowlist', () => {
  it('explains only the findings it names, in the file and code it names', () => {
    expect(explanationFor(finding('CSP_GLOBAL_CHECK', 'N/A'), allowlist)?.check).toBe('CSP_GLOBAL_CHECK');
    expect(explanationFor(finding('OPEN_EXTERNAL_JS_CHECK', 'dialogs.ts', 'await shell.openExternal(url);'), allowlist)?.check).toBe('OPEN_EXTERNAL_JS_CHECK');
    expect(explanationFor(finding('OPEN_EXTERNAL_JS_CHECK', 'menu.ts', 'await shell.openExternal(url);'), allowlist)).toBeUndefined();
    expect(explanationFor(finding('OPEN_EXTERNAL_JS_CHECK', 'dialogs.ts', 'shell.openExternal(other)'), allowlist)).toBeUndefined();
    expect(explanationFor(finding('CONTEXT_ISOLATION_JS_CHECK', 'main.ts', 'const window = new BrowserWindow({'), allowlist)?.check).toBe('CONTEXT_ISOLATION_JS_CHECK');
    expect(explanationFor(finding('NODE_INTEGRATION_JS_CHECK', 'main.ts', 'const window = new BrowserWindow({'), allowlist)).toBeUndefined();
  });

  it('gives a reason for every allowed finding, and docs/security.md discusses each', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    for (const entry of allowlist) {
      expect(entry.reason.length, entry.check).toBeGreaterThan(40);
      expect(doc, entry.check).toContain(entry.check);
    }
  });
});

describe('the allowlist does not swallow a second unsafe window (issue 9)', () => {
  it('each entry explains one finding: a second new BrowserWindow({ in main.ts is unexplained', () => {
    const sample = 'const window = new BrowserWindow({';
    const two = [finding('CONTEXT_ISOLATION_JS_CHECK', 'main.ts', sample), finding('CONTEXT_ISOLATION_JS_CHECK', 'main.ts', 'const evil = new BrowserWindow({')];
    expect(explainFindings(two, allowlist).unexplained).toEqual([two[1]]);
  });

  it('a regression planted in a temporary copy of electron/ fails the scan, and the real folder passes', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'permit-integrity-electron-'));
    try {
      cpSync(new URL('../../electron/', import.meta.url), copy, { recursive: true });
      const clean = await unexplainedFindings(copy, allowlist);
      expect(clean.unexplained).toEqual([]);
      appendFileSync(
        join(copy, 'main.ts'),
        "\nexport function helpWindow() {\n  return new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true } });\n}\n",
      );
      const planted = await unexplainedFindings(copy, allowlist);
      expect(planted.unexplained.map((f) => f.check)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
      expect(planted.unexplained.every((f) => f.file === 'main.ts')).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
