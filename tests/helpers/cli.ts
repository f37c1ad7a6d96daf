/**
 * Runs the built command line (dist/cli/bin.cjs) as a real subprocess from the
 * project root, with stdin a pipe (never a TTY), and collects its output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_BIN = 'dist/cli/bin.cjs';

/** Throws a clear error when the CLI has not been compiled. */
export function assertCliBuilt(): void {
  if (!existsSync(join(PROJECT_ROOT, CLI_BIN))) {
    throw new Error(`run npm run build first: ${CLI_BIN} is missing in ${PROJECT_ROOT} (the CLI tests run the compiled CLI as a subprocess)`);
  }
}

/**
 * Signing keys go to a folder of this test process, never to the real user-data
 * folder; one per process so that registers made in one test file share it.
 */
export const TEST_KEY_DIR = mkdtempSync(join(tmpdir(), 'permit-integrity-keys-'));
process.on('exit', () => rmSync(TEST_KEY_DIR, { recursive: true, force: true }));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', PERMIT_INTEGRITY_KEY_DIR: TEST_KEY_DIR, ...options.env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and requires exit status 0, showing stderr when it is not. */
export function runOk(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const run = runCli(args, options);
  if (run.status !== 0) throw new Error(`permit-integrity ${args.join(' ')} exited ${run.status}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  return run;
}
