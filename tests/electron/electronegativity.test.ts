import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explanationFor, type AllowlistEntry, type Finding } from '../../electron/check-electronegativity.mjs';

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
