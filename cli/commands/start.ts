import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ELECTRON_MAIN, PROJECT_ROOT } from '../app-paths.js';
import { parse } from '../args.js';
import type { Output } from '../context.js';
import { serveCommand } from './serve.js';

/** Electron's binary if it is installed or can be fetched now (its download is lazy), else null. */
export function findElectron(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 120_000, cwd: PROJECT_ROOT });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

/** The desktop app where Electron can run; browser mode, said in one line, where it cannot. */
export async function startCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' } });
  // PERMIT_INTEGRITY_BROWSER=1 asks for browser mode even where Electron could run.
  const electron = process.env.PERMIT_INTEGRITY_BROWSER === '1' ? null : findElectron();
  if (electron) {
    const args = [ELECTRON_MAIN, ...(typeof values.db === 'string' ? ['--db', values.db] : [])];
    const child = spawn(electron, args, { stdio: 'inherit' });
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    return;
  }
  io.err(
    process.env.PERMIT_INTEGRITY_BROWSER === '1'
      ? 'Browser mode requested (PERMIT_INTEGRITY_BROWSER=1).'
      : 'Electron is not available on this machine (its binary could not be downloaded), so Permit Integrity starts in browser mode instead.',
  );
  await serveCommand(argv, io);
}
