import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PROJECT_ROOT } from '../app-paths.js';
import { parse } from '../args.js';
import type { Output } from '../context.js';
import { ensureElectronDriver, type DriverOutcome } from '../electron-driver.js';
import { serveCommand } from './serve.js';

export const startUsage = 'start [--db FILE]';

/** The project folder (package.json): Electron is launched on it, so app.name and app.getVersion() come from package.json. */
export { PROJECT_ROOT };

/**
 * The binary path in what `require('electron')` printed. On the first run the
 * electron package downloads its binary lazily and prints "Downloading Electron
 * binary..." (and the installer's progress) before the path: the path is the last line.
 */
export function electronPathFromOutput(stdout: string): string | null {
  const lines = stdout.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? null;
}

/** Electron's binary if it is installed or can be fetched now (its download is lazy), else null. */
export function findElectron(root: string = PROJECT_ROOT): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 300_000, cwd: root });
  const path = probe.status === 0 ? electronPathFromOutput(probe.stdout) : null;
  return path && existsSync(path) ? path : null;
}

/**
 * Runs Electron on the project folder until it exits and returns its exit code
 * (a signal counts as failure). A spawn failure (the `error` event: not
 * executable, missing library…) is returned as an error instead of hanging.
 */
export function runElectron(electron: string, root: string, db: string | undefined): Promise<{ code: number } | { error: Error }> {
  return new Promise((resolve) => {
    const child = spawn(electron, [root, ...(db ? ['--db', db] : [])], { stdio: 'inherit' });
    child.once('error', (error) => resolve({ error }));
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0) }));
  });
}

/** What startCommand uses from the machine; tests pass stand-ins. */
export interface StartDeps {
  root: string;
  findElectron(root: string): string | null;
  ensureDriver(root: string): DriverOutcome;
  runElectron: typeof runElectron;
  browserMode(argv: string[], io: Output): Promise<void>;
}

const machine: StartDeps = { root: PROJECT_ROOT, findElectron, ensureDriver: (root) => ensureElectronDriver(root), runElectron, browserMode: serveCommand };

/**
 * The desktop app where Electron can run; browser mode, said in one line, where
 * it cannot (no Electron binary, no SQLite driver for Electron, Electron fails
 * to start). Returns Electron's exit code.
 */
export async function startCommand(argv: string[], io: Output, deps: StartDeps = machine): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' } });
  const db = typeof values.db === 'string' ? values.db : undefined;
  const fallBack = async (line: string) => {
    io.err(line);
    await deps.browserMode(argv, io);
    return 0;
  };
  // PERMIT_INTEGRITY_BROWSER=1 asks for browser mode even where Electron could run.
  if (process.env.PERMIT_INTEGRITY_BROWSER === '1') return fallBack('Browser mode requested (PERMIT_INTEGRITY_BROWSER=1).');
  const electron = deps.findElectron(deps.root);
  if (!electron) return fallBack('Electron is not available on this machine (its binary could not be downloaded), so Permit Integrity starts in browser mode instead.');
  const driver = deps.ensureDriver(deps.root);
  if (!driver.ok) return fallBack(`${driver.advice} Starting browser mode meanwhile.`);
  if (driver.how !== 'already built') io.err(`Built the SQLite driver for Electron (${driver.how}): ${driver.file}`);
  const outcome = await deps.runElectron(electron, deps.root, db);
  if ('error' in outcome) return fallBack(`Electron could not be started (${outcome.error.message}), so Permit Integrity starts in browser mode instead.`);
  return outcome.code;
}
