import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctorChecks, satisfiesMinimum, type Check } from '../../cli/doctor-checks.js';
import { closeRegister, openRegister } from '../../db/register.js';
import { assertCliBuilt, runCli } from '../helpers/cli.js';

/**
 * `permit-integrity doctor` on a throw-away project folder laid out like a
 * developer's after a first `npm start` (Electron downloaded, its driver
 * built), then with each part broken in turn, and on real registers.
 */
const folder = mkdtempSync(join(tmpdir(), 'permit-integrity-doctor-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const NODE_BUILD = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

function put(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

function healthyProject(name: string): string {
  const root = join(folder, name);
  put(root, 'package.json', JSON.stringify({ name: 'permit-integrity', engines: { node: '>=20.19' } }));
  put(root, 'node_modules/better-sqlite3/package.json', JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  mkdirSync(join(root, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  copyFileSync(NODE_BUILD, join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
  put(root, 'node_modules/electron/package.json', JSON.stringify({ name: 'electron', version: '45.5.0' }));
  put(root, 'node_modules/electron/abi_version', '150');
  put(root, 'node_modules/electron/path.txt', 'electron');
  put(root, 'node_modules/electron/dist/electron', 'binary');
  put(root, 'native/electron/better_sqlite3.node', Buffer.from('\x7fELF node_register_module_v150\0'));
  return root;
}

const chromium = join(folder, 'chromium');
writeFileSync(chromium, '');
const env = { CHROMIUM_PATH: chromium };
const problems = (checks: Check[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('doctor', () => {
  it('finds nothing wrong on a complete machine with a sound register', () => {
    const register = openRegister(join(folder, 'sound.sqlite'));
    closeRegister(register);
    const checks = doctorChecks({ root: healthyProject('healthy'), register: register.file, env });
    expect(problems(checks)).toEqual([]);
    expect(checks.map((c) => c.name)).toEqual(['Node.js', 'SQLite driver for Node', 'Electron', 'SQLite driver for Electron', 'Chromium for PDF', 'Register integrity', 'Register schema']);
  });

  it('names each missing or mismatched part with its fix', () => {
    const root = healthyProject('broken');
    rmSync(join(root, 'node_modules/electron/dist'), { recursive: true });
    put(root, 'native/electron/better_sqlite3.node', Buffer.from('node_register_module_v115'));
    const checks = doctorChecks({ root, register: null, env: { CHROMIUM_PATH: join(folder, 'no-chromium') }, nodeVersion: 'v20.11.0', nodeModules: '150' });
    expect(problems(checks)).toEqual(['Node.js', 'SQLite driver for Node', 'Electron', 'SQLite driver for Electron', 'Chromium for PDF']);
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName['Node.js']!.fix).toMatch(/install Node\.js 20\.19/);
    expect(byName['SQLite driver for Node']!.detail).toMatch(/module ABI \d+, but the runtime loading it has ABI 150/);
    expect(byName['SQLite driver for Electron']!.detail).toMatch(/module ABI 115, but the runtime loading it has ABI 150/);
    expect(byName['SQLite driver for Electron']!.fix).toMatch(/npm start/);
    expect(byName['Chromium for PDF']!.fix).toMatch(/CHROMIUM_PATH/);
  });

  it('runs integrity_check and reads the schema version of the register', () => {
    const root = healthyProject('registers');
    const newer = openRegister(join(folder, 'newer.sqlite'));
    newer.db.pragma('user_version = 99');
    closeRegister(newer);
    expect(problems(doctorChecks({ root, register: newer.file, env }))).toEqual(['Register schema']);

    // A row whose bytes changed behind SQLite's back no longer matches its index entry.
    const damaged = join(folder, 'damaged.sqlite');
    const register = openRegister(damaged);
    register.db.exec("CREATE TABLE scratch (x TEXT); CREATE INDEX scratch_x ON scratch (x); INSERT INTO scratch VALUES ('needle-value');");
    register.db.pragma('journal_mode = DELETE');
    closeRegister(register);
    const bytes = readFileSync(damaged);
    bytes.write('needle-VALUE', bytes.indexOf('needle-value'));
    writeFileSync(damaged, bytes);
    const checks = doctorChecks({ root, register: damaged, env });
    expect(checks.filter((c) => !c.ok).map((c) => [c.name, c.detail, c.fix])).toEqual([['Register integrity', expect.stringContaining('missing from index scratch_x'), expect.stringContaining('backup')]]);

    expect(problems(doctorChecks({ root, register: join(folder, 'absent.sqlite'), env }))).toEqual(['Register']);
  });

  it('compares versions with the engines range', () => {
    expect(satisfiesMinimum('v20.19.0', '>=20.19')).toBe(true);
    expect(satisfiesMinimum('v22.1.0', '>=20.19')).toBe(true);
    expect(satisfiesMinimum('v20.18.9', '>=20.19')).toBe(false);
    expect(satisfiesMinimum('v20.19.0', '^20')).toBe(false);
  });

  it('exits 1 exactly when it reports a problem, as text and as JSON', () => {
    assertCliBuilt();
    const run = runCli(['doctor', '--db', join(folder, 'sound.sqlite'), '--json']);
    const report = JSON.parse(run.stdout) as { ok: boolean; checks: Check[] };
    expect(run.status).toBe(report.ok ? 0 : 1);
    expect(report.checks.find((c) => c.name === 'Register integrity')).toMatchObject({ ok: true });
    const text = runCli(['doctor', '--db', join(folder, 'absent.sqlite')]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/PROBLEM  Register: .*absent\.sqlite does not exist\n\s+fix: /);
  });
});
