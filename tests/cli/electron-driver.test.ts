import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronInfo, ensureElectronDriver, type Runner } from '../../cli/electron-driver.js';
import { readAbiTag } from '../../db/driver.js';

/**
 * Building the Electron copy of the SQLite driver on the first `npm start`.
 * The real tools need the network (a prebuilt binary from GitHub, Electron's
 * headers): a stand-in runner plays prebuild-install and node-gyp, writing what
 * they would write, in a throw-away project folder.
 */
let root: string;
const NODE_ADDON = Buffer.from('\x7fELF node build: node_register_module_v115\0');
const addon = (abi: number) => Buffer.from(`\x7fELF electron build: node_register_module_v${abi}\0`);

function file(path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'permit-integrity-edriver-'));
  file('node_modules/electron/package.json', JSON.stringify({ name: 'electron', version: '45.5.0' }));
  file('node_modules/electron/abi_version', '150\n');
  file('node_modules/better-sqlite3/package.json', JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  file('node_modules/better-sqlite3/src/better_sqlite3.cpp', '// source');
  file('node_modules/better-sqlite3/build/Release/better_sqlite3.node', NODE_ADDON);
  file('node_modules/prebuild-install/package.json', JSON.stringify({ name: 'prebuild-install', version: '7.1.3' }));
  file('node_modules/prebuild-install/bin.js', '');
  file('node_modules/node-gyp/package.json', JSON.stringify({ name: 'node-gyp', version: '12.4.0' }));
  file('node_modules/node-gyp/bin/node-gyp.js', '');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

interface Call {
  tool: string;
  args: string[];
  cwd: string;
  staged: string[];
  env: NodeJS.ProcessEnv;
}

/** Plays the tools: `outcomes` says, per tool, which ABI it builds (or null: it fails). */
function standIn(outcomes: { prebuild: number | null; gyp: number | null }, calls: Call[]): Runner {
  return (_command, args, cwd, env) => {
    const tool = args[0]!.includes('prebuild-install') ? 'prebuild' : 'gyp';
    calls.push({ tool, args: args.slice(1), cwd, staged: readdirSync(cwd), env });
    const abi = outcomes[tool as 'prebuild' | 'gyp'];
    if (abi === null) return { status: 1, output: `${tool}: network unreachable` };
    mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
    writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), addon(abi));
    return { status: 0, output: '' };
  };
}

const target = () => join(root, 'native', 'electron', 'better_sqlite3.node');
const nodeBuild = () => readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));

describe('ensureElectronDriver', () => {
  it('reads the installed Electron version and ABI', () => {
    expect(electronInfo(root)).toEqual({ version: '45.5.0', abi: '150' });
  });

  it('downloads a prebuilt binary for the electron runtime into native/electron, in a staging copy', () => {
    const calls: Call[] = [];
    const outcome = ensureElectronDriver(root, { runner: standIn({ prebuild: 150, gyp: null }, calls) });
    expect(outcome).toEqual({ ok: true, file: target(), how: 'prebuilt binary' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args).toEqual(['--runtime', 'electron', '--target', '45.5.0', '--arch', process.arch, '--platform', process.platform]);
    // Built in a copy of the package without its Node build, never in node_modules itself.
    expect(calls[0]!.cwd.startsWith(root)).toBe(false);
    expect(calls[0]!.staged.sort()).toEqual(['package.json', 'src']);
    expect(existsSync(calls[0]!.cwd)).toBe(false);
    expect(readAbiTag(target())).toBe(150);
    expect(nodeBuild()).toEqual(NODE_ADDON);
  });

  it('falls back to node-gyp against Electron’s headers when no prebuilt binary can be had', () => {
    const calls: Call[] = [];
    const outcome = ensureElectronDriver(root, { runner: standIn({ prebuild: null, gyp: 150 }, calls) });
    expect(outcome).toMatchObject({ ok: true, how: 'node-gyp' });
    expect(calls.map((c) => c.tool)).toEqual(['prebuild', 'gyp']);
    expect(calls[1]!.args).toEqual(['rebuild', '--release', '--runtime=electron', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']);
    expect(readAbiTag(target())).toBe(150);
    expect(nodeBuild()).toEqual(NODE_ADDON);
  });

  it('hides npm settings that would point node-gyp at the system Node (Debian’s npm sets nodedir=/usr)', () => {
    const saved = { nodedir: process.env.npm_config_nodedir, target: process.env.npm_config_target };
    process.env.npm_config_nodedir = '/usr';
    process.env.npm_config_target = '20.19.0';
    try {
      const calls: Call[] = [];
      ensureElectronDriver(root, { runner: standIn({ prebuild: null, gyp: 150 }, calls) });
      for (const call of calls) {
        expect(call.env.npm_config_nodedir).toBeUndefined();
        expect(call.env.npm_config_target).toBeUndefined();
        expect(call.env.PATH).toBe(process.env.PATH);
      }
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[`npm_config_${key}`];
        else process.env[`npm_config_${key}`] = value;
      }
    }
  });

  it('refuses a build with the wrong ABI and says what to do in one line', () => {
    const outcome = ensureElectronDriver(root, { runner: standIn({ prebuild: 115, gyp: null }, []) });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.advice).not.toContain('\n');
    expect(outcome.advice).toMatch(/Electron 45\.5\.0.*C\+\+ toolchain.*npm start/);
    expect(outcome.detail).toContain('built for module ABI 115, but the runtime loading it has ABI 150');
    expect(existsSync(target())).toBe(false);
  });

  it('keeps a build that already has Electron’s ABI, and rebuilds one that has not', () => {
    file('native/electron/better_sqlite3.node', addon(150));
    const calls: Call[] = [];
    expect(ensureElectronDriver(root, { runner: standIn({ prebuild: 150, gyp: 150 }, calls) })).toMatchObject({ ok: true, how: 'already built' });
    expect(calls).toHaveLength(0);
    // After an Electron upgrade (new ABI) the old build no longer fits.
    file('node_modules/electron/abi_version', '151');
    expect(ensureElectronDriver(root, { runner: standIn({ prebuild: 151, gyp: null }, calls) })).toMatchObject({ ok: true, how: 'prebuilt binary' });
    expect(readAbiTag(target())).toBe(151);
  });

  it('says to run npm ci when the electron package is missing', () => {
    rmSync(join(root, 'node_modules', 'electron'), { recursive: true });
    expect(ensureElectronDriver(root, { runner: standIn({ prebuild: 150, gyp: 150 }, []) })).toMatchObject({ ok: false, advice: expect.stringContaining('npm ci') });
  });
});
