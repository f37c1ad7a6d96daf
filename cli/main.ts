import { InputError, UsageError } from './errors.js';
import type { Output } from './context.js';
import { COMMANDS } from './command-table.js';

export { COMMANDS } from './command-table.js';

/**
 * Bad input (exit 1) rather than a bug. The error classes are loaded only when
 * something failed, so that a plain `--help` does not load zod or SQLite.
 */
async function isInputFailure(error: unknown): Promise<boolean> {
  if (error instanceof InputError) return true;
  if (!(error instanceof Error)) return false;
  const [{ RegisterError }, { asRegisterError }, { PackageValidationError }, { DataValidationError }] = await Promise.all([
    import('../db/errors.js'),
    import('../db/register.js'),
    import('../shared/package/validate.js'),
    import('../shared/library/validation-error.js'),
  ]);
  // SQLite's busy, read-only and corrupt errors are the user's to act on, named in one line.
  const named = asRegisterError(error, 'the register');
  return named instanceof RegisterError || named instanceof PackageValidationError || named instanceof DataValidationError;
}

async function inputFailureMessage(error: unknown): Promise<string> {
  const { asRegisterError } = await import('../db/register.js');
  return (asRegisterError(error, 'the register') as Error).message;
}

/** Help fits an 80-column terminal: each usage on its line, its summary wrapped and indented below. */
export const HELP_WIDTH = 80;

function wrap(text: string, indent: string, width = HELP_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) (lines.push(indent + line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function helpText(): string {
  return [
    ...wrap('permit-integrity — assess a CITES Management Authority against UNCAC Articles 7 and 12 (methodology PI-1)', ''),
    '',
    'Usage: permit-integrity COMMAND [options]',
    '',
    ...Object.values(COMMANDS).flatMap((c) => [...wrap(c.usage, '  '), ...wrap(c.summary, '      ')]),
    '',
    ...wrap("Every command that changes a register takes --actor NAME: who made the change, in the audit log (with the four-eyes rule on, review and lock need a name other than the submitter's).", ''),
    ...wrap('--json gives machine-readable output (see docs/cli.md).', ''),
    'Exit status: 0 success, 1 bad input, 2 wrong usage.',
  ].join('\n');
}

/**
 * Loaded only when a command runs, so that `--help` stays light: the signing
 * key store, and Node's native SHA-256 for digests.
 */
async function prepareNodeHost(): Promise<void> {
  const [{ configureKeyStore, configuredKeyStore, FileKeyStore }, { defaultKeyDir }, { installNativeCrypto }] = await Promise.all([
    import('../db/keys.js'),
    import('./user-data.js'),
    import('../db/native-crypto.js'),
  ]);
  installNativeCrypto();
  if (!configuredKeyStore()) configureKeyStore(new FileKeyStore(defaultKeyDir()));
}

/** Runs one command line; returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: string[], io: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`permit-integrity: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: permit-integrity ${command.usage}\n${command.summary}`);
    return 0;
  }
  try {
    // Locks and reports are signed with a key kept in the user-data folder (0600), never in the register.
    await prepareNodeHost();
    const run = await command.load();
    const status = await run(rest, io);
    return typeof status === 'number' ? status : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`permit-integrity ${name}: ${error.message}\nUsage: permit-integrity ${command.usage}`);
      return 2;
    }
    if (await isInputFailure(error)) {
      io.err(`permit-integrity ${name}: ${await inputFailureMessage(error)}`);
      return 1;
    }
    throw error;
  }
}
