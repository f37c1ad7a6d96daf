import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { checkDriverAbi, ELECTRON_DRIVER_RELATIVE } from '../db/driver.js';

/**
 * Builds the Electron copy of the SQLite driver (better-sqlite3) in its own
 * folder, native/electron/, leaving node_modules' Node build alone. Runs under
 * Node on a developer's machine (first `npm start`, `npm run dist`), never in
 * the packaged app. The build happens in a staging copy of the package, because
 * both prebuild-install and node-gyp write to the package's own build/ folder.
 */

export interface ElectronInfo {
  version: string;
  /** process.versions.modules of this Electron, from the electron package's abi_version file. */
  abi: string;
}

export type CommandResult = { status: number | null; output: string };
/** Runs a command (a stand-in in tests: the real ones need the network). */
export type Runner = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) => CommandResult;

/**
 * npm settings that would make the tools build for the system Node instead of
 * Electron. Debian's npm, for one, sets nodedir=/usr, and node-gyp then compiles
 * against /usr/include/node whatever --target says (seen on the development machine).
 */
const NODE_TARGET_SETTINGS = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|platform|target_platform|build_from_source)$/i;

/** The environment for the build tools: the caller's, without settings that point them at Node. */
export function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !NODE_TARGET_SETTINGS.test(key)));
}

export type DriverOutcome = { ok: true; file: string; how: 'already built' | 'prebuilt binary' | 'node-gyp' } | { ok: false; advice: string; detail: string };

export function electronDriverFile(root: string): string {
  return join(root, ELECTRON_DRIVER_RELATIVE);
}

/** The installed electron package's version and module ABI, or null if it is not installed. */
export function electronInfo(root: string): ElectronInfo | null {
  const folder = join(root, 'node_modules', 'electron');
  try {
    const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
    return { version, abi: readFileSync(join(folder, 'abi_version'), 'utf8').trim() };
  } catch {
    return null;
  }
}

const realRunner: Runner = (command, args, cwd, env) => {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 15 * 60_000, env });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? run.error.message : ''}` };
};

/** npm's node-gyp: the one npm announces to scripts, else a project copy, else the one bundled with npm. */
export function findNodeGyp(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.npm_config_node_gyp];
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed in the project
  }
  if (env.npm_execpath) candidates.push(join(dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((file): file is string => typeof file === 'string' && file !== '' && existsSync(file)) ?? null;
}

/** The lines of a tool's output that say what went wrong (node-gyp ends with a screenful of boilerplate). */
function essentialLines(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const telling = lines.filter((line) => /error|warn|ENOTFOUND|EAI_AGAIN|ECONN|not found/i.test(line) && !/gyp ERR! (cwd|node -v|node-gyp -v|command|System|not ok|\$npm)/.test(line));
  return (telling.length ? telling : lines).slice(0, 6).join('\n');
}

/** better-sqlite3's own prebuild-install (its install script uses it too). */
function findPrebuildInstall(root: string): string | null {
  try {
    return createRequire(join(root, 'node_modules', 'better-sqlite3', 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
}

function stageDriverPackage(root: string): { staging: string; built: string } {
  const source = join(root, 'node_modules', 'better-sqlite3');
  const staging = mkdtempSync(join(tmpdir(), 'permit-integrity-electron-driver-'));
  // Everything but the Node build: the Electron build must not overwrite or pick it up.
  cpSync(source, staging, { recursive: true, filter: (file) => !relative(source, file).split(sep).includes('build') });
  return { staging, built: join(staging, 'build', 'Release', 'better_sqlite3.node') };
}

/**
 * Makes sure native/electron/better_sqlite3.node exists and carries Electron's
 * ABI: kept if it already does; otherwise a prebuilt binary for the electron
 * runtime (prebuild-install), else a build against Electron's headers (node-gyp,
 * needs a C++ toolchain). Never touches node_modules/better-sqlite3/build.
 */
export function ensureElectronDriver(root: string, options: { runner?: Runner; electron?: ElectronInfo | null } = {}): DriverOutcome {
  const electron = options.electron === undefined ? electronInfo(root) : options.electron;
  if (!electron) return { ok: false, advice: 'The electron package is not installed: run "npm ci" in the project folder.', detail: 'node_modules/electron is missing' };
  const target = electronDriverFile(root);
  if (existsSync(target) && checkDriverAbi(target, electron.abi).ok) return { ok: true, file: target, how: 'already built' };

  const run = options.runner ?? realRunner;
  const { staging, built } = stageDriverPackage(root);
  const log: string[] = [];
  try {
    const attempts: Array<{ how: 'prebuilt binary' | 'node-gyp'; args: () => string[] | null }> = [
      {
        how: 'prebuilt binary',
        args: () => {
          const prebuild = findPrebuildInstall(root);
          return prebuild ? [prebuild, '--runtime', 'electron', '--target', electron.version, '--arch', process.arch, '--platform', process.platform] : null;
        },
      },
      {
        how: 'node-gyp',
        args: () => {
          const gyp = findNodeGyp(root);
          return gyp ? [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electron.version}`, '--dist-url=https://electronjs.org/headers'] : null;
        },
      },
    ];
    for (const attempt of attempts) {
      const args = attempt.args();
      if (!args) {
        log.push(`${attempt.how}: its tool was not found`);
        continue;
      }
      const result = run(process.execPath, args, staging, buildEnvironment(process.env));
      const check = existsSync(built) ? checkDriverAbi(built, electron.abi) : null;
      if (result.status === 0 && check?.ok) {
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(built, target);
        return { ok: true, file: target, how: attempt.how };
      }
      log.push(`${attempt.how}: ${check && !check.ok ? check.problem : `exit ${result.status}`}\n${essentialLines(result.output)}`);
      rmSync(join(staging, 'build'), { recursive: true, force: true });
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return {
    ok: false,
    advice: `No SQLite driver for Electron ${electron.version} could be downloaded or built (that needs internet access once, and a C++ toolchain where no prebuilt binary exists; see README, "First npm start"): fix that and run npm start again.`,
    detail: log.join('\n'),
  };
}
