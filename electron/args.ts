import { join, resolve } from 'node:path';

/** `--db FILE` or `--db=FILE` from the command line, if given (Electron passes Chromium switches too). */
export function dbArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--db') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : null;
    }
    if (arg.startsWith('--db=')) return arg.slice('--db='.length) || null;
  }
  return null;
}

/**
 * Which register file to open: `--db`, else PERMIT_INTEGRITY_DB (as the CLI
 * honours), else register.sqlite in the user-data folder.
 */
export function registerFileFor(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  return dbArgument(argv) ?? (env.PERMIT_INTEGRITY_DB || join(userDataDir, 'register.sqlite'));
}

/**
 * The register a second launch asks for (`--db OTHER`, relative to the folder
 * it was started in), or null when it names none or the one already open: then
 * the first window only comes to the front.
 */
export function secondLaunchRegister(argv: readonly string[], workingDirectory: string, currentFile: string | null): string | null {
  const asked = dbArgument(argv);
  if (!asked) return null;
  const file = resolve(workingDirectory, asked);
  return currentFile !== null && resolve(currentFile) === file ? null : file;
}
