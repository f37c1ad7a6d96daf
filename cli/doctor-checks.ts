import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkDriverAbi } from '../db/driver.js';
import { LATEST_VERSION } from '../db/migrations/index.js';
import { chromiumPath } from '../exports/pdf.js';
import { electronDriverFile, electronInfo } from './electron-driver.js';

/**
 * What `permit-integrity doctor` checks: everything a developer's or a user's
 * machine needs for the app, each with what is wrong and how to fix it.
 * Reads only; the register is opened read-only.
 */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** How to fix it (only when not ok). */
  fix?: string;
}

export interface DoctorOptions {
  /** The project (or installed package) folder holding package.json and node_modules. */
  root: string;
  /** The register to check; null: none given and none at the default place. */
  register: string | null;
  env?: NodeJS.ProcessEnv;
  nodeVersion?: string;
  nodeModules?: string;
}

const pass = (name: string, detail: string): Check => ({ name, ok: true, detail });
const fail = (name: string, detail: string, fix: string): Check => ({ name, ok: false, detail, fix });

/** "20.19.0" ≥ ">=20.19"? Only the >=X.Y[.Z] form package.json uses. */
export function satisfiesMinimum(version: string, range: string): boolean {
  const want = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!want || !have) return false;
  for (let i = 1; i <= 3; i += 1) {
    const a = Number(have[i]);
    const b = Number(want[i] ?? 0);
    if (a !== b) return a > b;
  }
  return true;
}

function nodeCheck(root: string, version: string): Check {
  const range = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node ?? '>=20.19';
  return satisfiesMinimum(version, range)
    ? pass('Node.js', `${version} (needs ${range})`)
    : fail('Node.js', `${version}, but the app needs ${range}`, `install Node.js ${range.replace('>=', '')} or newer (https://nodejs.org), then run npm ci`);
}

function nodeDriverCheck(root: string, modules: string): Check {
  const name = 'SQLite driver for Node';
  let file: string;
  try {
    file = join(dirname(createRequire(join(root, 'package.json')).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
  } catch {
    return fail(name, 'better-sqlite3 is not installed', 'run npm ci in the project folder');
  }
  const abi = checkDriverAbi(file, modules);
  if (!abi.ok) return fail(name, abi.problem, 'run npm rebuild better-sqlite3 (needs a C++ toolchain if no prebuilt binary exists; see README)');
  return pass(name, `${file} (module ABI ${abi.abi}, this Node's ABI ${modules})`);
}

function electronChecks(root: string): Check[] {
  const electron = electronInfo(root);
  if (!electron) return [fail('Electron', 'the electron package is not installed', 'run npm ci in the project folder')];
  const folder = join(root, 'node_modules', 'electron');
  const pathFile = join(folder, 'path.txt');
  const binary = existsSync(pathFile) ? join(folder, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  const checks = [
    binary && existsSync(binary)
      ? pass('Electron', `${electron.version} at ${binary} (module ABI ${electron.abi})`)
      : fail('Electron', `${electron.version} is installed but its binary was not downloaded (module ABI ${electron.abi})`, 'run npm start on a machine with internet access (it downloads the binary once); until then npm start uses browser mode'),
  ];
  const driver = electronDriverFile(root);
  const abi = existsSync(driver) ? checkDriverAbi(driver, electron.abi) : null;
  checks.push(
    abi?.ok
      ? pass('SQLite driver for Electron', `${driver} (module ABI ${abi.abi})`)
      : fail('SQLite driver for Electron', abi ? abi.problem : `${driver} is missing`, 'run npm start (it downloads a prebuilt driver for Electron or builds one with node-gyp; see README, "First npm start")'),
  );
  return checks;
}

function chromiumCheck(env: NodeJS.ProcessEnv): Check {
  const path = chromiumPath(env);
  return existsSync(path)
    ? pass('Chromium for PDF', `${path} (PDF reports from the command line and browser mode)`)
    : fail('Chromium for PDF', `no Chromium at ${path}; the command line and browser mode cannot export PDF (the desktop app prints with Electron)`, 'install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable');
}

function registerCheck(file: string | null): Check[] {
  if (!file) return [pass('Register', 'none yet (created with the demo authority on the first npm start)')];
  if (!existsSync(file)) return [fail('Register', `${file} does not exist`, 'check the --db path, or run permit-integrity start to create your register')];
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [fail('Register', `cannot open ${file}: ${(error as Error).message}`, 'check the file; restore it from a backup (File › Back up register…) if it is damaged')];
  }
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    const version = db.pragma('user_version', { simple: true }) as number;
    const checks: Check[] = [
      integrity.length === 1 && integrity[0] === 'ok'
        ? pass('Register integrity', `${file}: PRAGMA integrity_check ok`)
        : fail('Register integrity', `${file}: ${integrity.slice(0, 5).join('; ')}`, 'restore the register from a backup; keep the damaged file for inspection'),
    ];
    if (version === LATEST_VERSION) checks.push(pass('Register schema', `version ${version} (this app's)`));
    else if (version > LATEST_VERSION) checks.push(fail('Register schema', `version ${version}, newer than this app's ${LATEST_VERSION}`, 'update Permit Integrity to open this register'));
    else if (version === 0) checks.push(fail('Register schema', 'no schema version: not a Permit Integrity register', 'check the --db path'));
    else checks.push(pass('Register schema', `version ${version}; brought to ${LATEST_VERSION} when the app next opens it`));
    return checks;
  } catch (error) {
    return [fail('Register', `cannot read ${file}: ${(error as Error).message}`, 'the file is not an SQLite database, or is damaged: check the --db path or restore a backup')];
  } finally {
    db.close();
  }
}

export function doctorChecks(options: DoctorOptions): Check[] {
  return [
    nodeCheck(options.root, options.nodeVersion ?? process.version),
    nodeDriverCheck(options.root, options.nodeModules ?? process.versions.modules),
    ...electronChecks(options.root),
    chromiumCheck(options.env ?? process.env),
    ...registerCheck(options.register),
  ];
}
