import type { Output } from './context.js';

export type CommandRun = (argv: string[], io: Output) => void | number | Promise<void | number>;

export interface CommandEntry {
  usage: string;
  summary: string;
  /** Loads the command's module only when that command runs, so `--help` and light commands start fast. */
  load: () => Promise<CommandRun>;
}

/**
 * Kept as literals so that printing help imports nothing: shared/report/formats.ts
 * and strings.ts hold the same lists, and tests/cli/startup.test.ts checks they agree.
 */
export const REPORT_USAGE_FORMATS = 'pdf|html|xlsx|csv|docx';
export const REPORT_USAGE_LANGUAGES = 'en|fr|es';
export const REPORT_USAGE_TABLES = 'summary|criteria|controls|families|evidence|chain|offences|flags|action-plan|permit-signals';

/**
 * Every command with its usage line and one-line summary. This table is all
 * that `--help` loads; each command's code (and zod, SQLite, exceljs, React…)
 * is imported by `load` when that command is run.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  start: {
    usage: 'start [--db FILE]',
    summary: 'open the app on your register (a new one opens to the first-run choice); browser mode where Electron cannot run',
    load: async () => (await import('./commands/start.js')).startCommand,
  },
  serve: { usage: 'serve [--db FILE] [--port N]', summary: 'browser mode: serve the app on 127.0.0.1 and print its URL', load: async () => (await import('./commands/serve.js')).serveCommand },
  summary: {
    usage: 'summary [--db FILE]',
    summary: 'print a summary of your register in the terminal (with a menu on a terminal)',
    load: async () => (await import('./commands/summary.js')).summaryCommand,
  },
  score: {
    usage: 'score PACKAGE [--assessment UID] [--as-of YYYY-MM-DD] [--json]',
    summary: 'score a package file with PI-1, without any database',
    load: async () => (await import('./commands/score.js')).scoreCommand,
  },
  import: { usage: 'import PACKAGE --db FILE [--accept-new-key REASON]', summary: 'import an assessment package into a register (all or nothing); a package signed under a new key needs a reason', load: async () => (await import('./commands/register-commands.js')).importCommand },
  'import-folder': {
    usage: 'import-folder DIR --db FILE [--json]',
    summary: 'import every package (*.json) in a folder, each all or nothing; reports the refused ones',
    load: async () => (await import('./commands/import-folder.js')).importFolderCommand,
  },
  update: {
    usage: 'update PACKAGE --db FILE [--dry-run] [--accept-new-key REASON]',
    summary: 'update an authority from a newer package of it: shows the changes; locked assessments stay as they are',
    load: async () => (await import('./commands/upkeep-commands.js')).updateCommand,
  },
  'delete-authority': {
    usage: 'delete-authority --db FILE --authority ID --confirm NAME',
    summary: 'delete an authority and all it holds (type its name to confirm); a backup is written first',
    load: async () => (await import('./commands/upkeep-commands.js')).deleteAuthorityCommand,
  },
  'import-controls': {
    usage: 'import-controls FILE --db FILE --authority ID [--map FIELD=HEADER]… [--dry-run]',
    summary: 'import controls from a CSV or XLSX sheet (all or nothing; rejected rows listed by line)',
    load: async () => (await import('./commands/control-sheet-commands.js')).importControlsCommand,
  },
  'export-controls': {
    usage: 'export-controls --db FILE --authority ID --out FILE.csv|FILE.xlsx [--language en|fr|es]',
    summary: "write an authority's controls as a CSV or XLSX sheet to edit and import back",
    load: async () => (await import('./commands/control-sheet-commands.js')).exportControlsCommand,
  },
  doctor: {
    usage: 'doctor [--db FILE] [--json]',
    summary: 'check Node, both SQLite driver builds, Electron, Chromium for PDF and the register; says how to fix what is wrong',
    load: async () => (await import('./commands/doctor.js')).doctorCommand,
  },
  permits: {
    usage: 'permits import|quotas|flags [FILE|DIR…] --db FILE [--format F] [--mapping P]',
    summary: 'permit data: import Trade Database, register or quota files; run the red flags (PI-1.2)',
    load: async () => (await import('./commands/permits.js')).permitsCommand,
  },
  'import-framework': {
    usage: 'import-framework FILE --db FILE',
    summary: 'add a custom framework (your own criteria) to a register',
    load: async () => (await import('./commands/register-commands.js')).importFrameworkCommand,
  },
  list: { usage: 'list --db FILE [--json]', summary: 'list authorities and their assessments with ids and status', load: async () => (await import('./commands/register-commands.js')).listCommand },
  export: { usage: 'export --db FILE --authority ID --out FILE', summary: 'export one authority as an assessment package', load: async () => (await import('./commands/register-commands.js')).exportCommand },
  flags: { usage: 'flags --db FILE --assessment ID [--json]', summary: "list an assessment's flags with reasons and remedies", load: async () => (await import('./commands/register-commands.js')).flagsCommand },
  submit: { usage: 'submit --db FILE --assessment ID --actor NAME', summary: 'submit a draft assessment for review', load: async () => (await import('./commands/lifecycle-commands.js')).submitCommand },
  review: { usage: 'review --db FILE --assessment ID --actor NAME [--override-reason TEXT]', summary: 'mark a submitted assessment as reviewed', load: async () => (await import('./commands/lifecycle-commands.js')).reviewCommand },
  return: { usage: 'return --db FILE --assessment ID --reason TEXT', summary: 'send a submitted or reviewed assessment back to draft', load: async () => (await import('./commands/lifecycle-commands.js')).returnCommand },
  lock: { usage: 'lock --db FILE --assessment ID --actor NAME [--override-reason TEXT]', summary: 'lock a reviewed assessment, sign it and print its SHA-256 digest', load: async () => (await import('./commands/lifecycle-commands.js')).lockCommand },
  clone: {
    usage: 'clone --db FILE --assessment ID [--as-of YYYY-MM-DD] [--title TEXT]',
    summary: 'start a re-assessment: a new draft copied from an assessment',
    load: async () => (await import('./commands/lifecycle-commands.js')).cloneCommand,
  },
  report: {
    usage: `report --db FILE --assessment ID --format ${REPORT_USAGE_FORMATS} [--lang ${REPORT_USAGE_LANGUAGES}] [--table TABLE] --out FILE`,
    summary: `export an assessment's report (PDF, HTML, XLSX, CSV or DOCX) in en, fr or es; a CSV gives one TABLE of: ${REPORT_USAGE_TABLES.split('|').join(', ')}`,
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  verify: {
    usage: 'verify FILE [--assessment UID] [--report REPORT | --digest HEX] [--json]',
    summary: "recompute locked assessments' digests from a package or register; check a report's digest",
    load: async () => (await import('./commands/verify.js')).verifyCommand,
  },
  'verify-audit': {
    usage: 'verify-audit --db FILE [--expect-head COUNT:HASH | --package FILE | --report FILE] [--json]',
    summary: "check the audit log's hash chain (names the first tampered row) and, given a head, that no row was cut off",
    load: async () => (await import('./commands/trust-commands.js')).verifyAuditCommand,
  },
  key: {
    usage: 'key --db FILE [--export FILE | --import FILE [--confirm]] [--json]',
    summary: "show the register's signing key fingerprint and trust list; export or import the key",
    load: async () => (await import('./commands/trust-commands.js')).keyCommand,
  },
  'four-eyes': {
    usage: 'four-eyes --db FILE (--on | --off --reason TEXT)',
    summary: 'turn the four-eyes rule (the submitter may not review or lock) on, or off with a reason',
    load: async () => (await import('./commands/trust-commands.js')).fourEyesCommand,
  },
  demo: { usage: 'demo --db FILE', summary: 'add the fictional demo authority to a register', load: async () => (await import('./commands/register-commands.js')).demoCommand },
};
