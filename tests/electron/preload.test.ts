import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePreload } from '../../electron/build-preload.mjs';
import { API_METHODS } from '../../shared/api/methods.js';

const source = readFileSync(new URL('../../electron/preload.ts', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'permit-integrity-preload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preload source', () => {
  it('imports only Electron and the method list', () => {
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['electron', '../shared/api/methods.js']);
    expect(source).toContain('API_METHODS.map(');
    expect(source).not.toMatch(/ipcRenderer\.(send|on|sendSync|postMessage)\b/);
  });
});

describe('bundled preload (what the sandbox runs)', () => {
  it('is CommonJS that requires nothing but electron, and exposes exactly the API methods', async () => {
    const file = await bundlePreload(join(dir, 'preload.cjs'));
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/\bimport\s|\bexport\s/);
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
      ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })) },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`the preload may not require ${name}`);
        return electron;
      },
      module,
      exports: module.exports,
    });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    await api['authorities.list']!({});
    await api['settings.set']!({ language: 'fr' });
    expect(invoked).toEqual([
      ['authorities.list', {}],
      ['settings.set', { language: 'fr' }],
    ]);
  });
});
