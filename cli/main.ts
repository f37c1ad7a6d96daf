import { PackageValidationError } from '../shared/package/validate.js';
import { DataValidationError } from '../shared/library/validation-error.js';
import { RegisterError } from '../db/errors.js';
import { asRegisterError } from '../db/register.js';
import { configureKeyStore, configuredKeyStore, FileKeyStore } from '../db/keys.js';
import { defaultKeyDir } from './user-data.js';
import { InputError, UsageError } from './errors.js';
import type { Output } from './context.js';
import { scoreCommand, scoreUsage } from './commands/score.js';
import * as reg from './commands/register-commands.js';
import * as life from './commands/lifecycle-commands.js';
import * as trust from './commands/trust-commands.js';
import { startCommand, startUsage } from './commands/start.js';
import { summaryCommand, summaryUsage } from './commands/summary.js';
import { serveCommand, serveUsage } from './commands/serve.js';
import { reportCommand, reportUsage } from './commands/report.js';
import { verifyCommand, verifyUsage } from './commands/verify.js';
import { importFolderCommand, importFolderUsage } from './commands/import-folder.js';

type Command = { usage: string; summary: string; run: (argv: string[], io: Output) => void | number | Promise<void | number> };

export const COMMANDS: Record<string, Command> = {
  start: { usage: startUsage, summary: 'open the app on your register (the demo on first run); browser mode where Electron cannot run', run: startCommand },
  serve: { usage: serveUsage, summary: 'browser mode: serve the app on 127.0.0.1 and print its URL', run: serveCommand },
  summary: { usage: summaryUsage, summary: 'print a summary of your register in the terminal (with a menu on a terminal)', run: summaryCommand },
  score: { usage: scoreUsage, summary: 'score a package file with PI-1, without any database', run: scoreCommand },
  import: { usage: reg.importUsage, summary: 'import an assessment package into a register (all or nothing)', run: reg.importCommand },
  'import-folder': { usage: importFolderUsage, summary: 'import every package (*.json) in a folder, each all or nothing; reports the refused ones', run: importFolderCommand },
  'import-framework': { usage: reg.importFrameworkUsage, summary: 'add a custom framework (your own criteria) to a register', run: reg.importFrameworkCommand },
  list: { usage: reg.listUsage, summary: 'list authorities and their assessments with ids and status', run: reg.listCommand },
  export: { usage: reg.exportUsage, summary: 'export one authority as an assessment package', run: reg.exportCommand },
  flags: { usage: reg.flagsUsage, summary: "list an assessment's flags with reasons and remedies", run: reg.flagsCommand },
  submit: { usage: life.submitUsage, summary: 'submit a draft assessment for review', run: life.submitCommand },
  review: { usage: life.reviewUsage, summary: 'mark a submitted assessment as reviewed', run: life.reviewCommand },
  return: { usage: life.returnUsage, summary: 'send a submitted or reviewed assessment back to draft', run: life.returnCommand },
  lock: { usage: life.lockUsage, summary: 'lock a reviewed assessment and print its SHA-256 digest', run: life.lockCommand },
  clone: { usage: life.cloneUsage, summary: 'start a re-assessment: a new draft copied from an assessment', run: life.cloneCommand },
  report: { usage: reportUsage, summary: "export an assessment's report (PDF, HTML, XLSX, CSV or DOCX) in en, fr or es", run: reportCommand },
  verify: { usage: verifyUsage, summary: "recompute locked assessments' digests from a package or register; check a report's digest", run: verifyCommand },
  'verify-audit': { usage: trust.verifyAuditUsage, summary: "check the audit log's hash chain (names the first tampered row) and, given a head, that no row was cut off", run: trust.verifyAuditCommand },
  key: { usage: trust.keyUsage, summary: "show the register's signing key fingerprint and trust list; export or import the key", run: trust.keyCommand },
  'four-eyes': { usage: trust.fourEyesUsage, summary: 'turn the four-eyes rule (submitter may not review or lock) on or off (with a reason)', run: trust.fourEyesCommand },
  demo: { usage: reg.demoUsage, summary: 'add the fictional demo authority to a register', run: reg.demoCommand },
};

export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'permit-integrity — assess a CITES Management Authority against UNCAC Articles 7 and 12 (methodology PI-1)',
    '',
    'Usage: permit-integrity COMMAND [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --actor NAME: who made the change, in the audit log (review and lock need a name other than the submitter\'s).',
    '--json gives machine-readable output (see docs/cli.md). Exit status: 0 success, 1 bad input, 2 wrong usage.',
  ].join('\n');
}

/** Runs one command line; returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: string[], io: Output): Promise<number> {
  // Locks and reports are signed with a key kept in the user-data folder (0600), never in the register.
  if (!configuredKeyStore()) configureKeyStore(new FileKeyStore(defaultKeyDir()));
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
    const status = await command.run(rest, io);
    return typeof status === 'number' ? status : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`permit-integrity ${name}: ${error.message}\nUsage: permit-integrity ${command.usage}`);
      return 2;
    }
    const named = asRegisterError(error, 'the register');
    if (named instanceof InputError || named instanceof RegisterError || named instanceof PackageValidationError || named instanceof DataValidationError) {
      io.err(`permit-integrity ${name}: ${named.message}`);
      return 1;
    }
    throw error;
  }
}
