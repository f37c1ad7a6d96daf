import { existsSync } from 'node:fs';
import { getAuthority, listAuthorities } from '../../db/authorities.js';
import { analyseAuthorityPermits, analysisFlags, latestAnalysis } from '../../db/permits/analysis.js';
import type { ImportRequest, ImportSummary, PermitFormat } from '../../db/permits/import.js';
import { getMappingProfile, saveMappingProfile } from '../../db/permits/mappings.js';
import { startImport } from '../../db/permits/run-import.js';
import type { Register } from '../../db/register.js';
import { profileMapping } from '../../shared/permits/mapping-profile.js';
import type { RegisterMapping } from '../../shared/permits/parse-row.js';
import { flagWithoutPeople } from '../../shared/permits/people.js';
import { PERMIT_FLAG_KINDS } from '../../shared/permits/records.js';
import { parse, requireString } from '../args.js';
import { printJson, withRegister, type Output } from '../context.js';
import { InputError, UsageError } from '../errors.js';
import { readJsonFile } from '../io.js';

export const permitsUsage = 'permits import|quotas|flags [FILE|DIR...] --db FILE [--format F] [--mapping P]';

const COMMON = { db: { type: 'string' }, authority: { type: 'string' } } as const;

/** The authority the data belong to: --authority, or the register's only one. */
function authorityOf(register: Register, values: Record<string, unknown>): number {
  if (typeof values.authority === 'string') {
    if (!/^[1-9]\d{0,15}$/.test(values.authority)) throw new UsageError(`--authority must be a positive whole number (an id from "list"), got "${values.authority}"`);
    return getAuthority(register, Number(values.authority)).id;
  }
  const all = listAuthorities(register);
  if (all.length === 1) return all[0]!.id;
  throw new InputError(all.length === 0 ? 'this register has no authority yet: import a package or run "demo" first' : `this register holds ${all.length} authorities: choose one with --authority ID (see "list")`);
}

/** --mapping is a JSON file ({columns, dateOrder}) or the name of a saved profile. */
function mappingOf(register: Register, value: unknown): RegisterMapping {
  if (typeof value !== 'string' || !value) throw new UsageError('--mapping is required for --format register (a mapping JSON file or a saved profile name)');
  if (!existsSync(value)) return profileMapping(getMappingProfile(register, value));
  const data = readJsonFile(value) as Record<string, unknown>;
  return profileMapping(saveMappingProfile(register, { name: typeof data.name === 'string' ? data.name : value, format: 'register', columns: data.columns, ...(data.dateOrder ? { dateOrder: data.dateOrder } : {}) }));
}

async function runImport(file: string, request: ImportRequest, io: Output): Promise<ImportSummary> {
  const tty = process.stderr.isTTY === true;
  const running = startImport(file, request, (p) => {
    if (tty) process.stderr.write(`\r${p.file}: ${Math.floor((100 * p.bytesRead) / Math.max(1, p.bytesTotal))} %, ${p.rowsRead.toLocaleString('en-GB')} rows `);
  });
  const cancel = () => running.cancel();
  process.once('SIGINT', cancel);
  try {
    return await running.done;
  } finally {
    process.off('SIGINT', cancel);
    if (tty) process.stderr.write('\n');
    void io;
  }
}

function printImport(io: Output, summary: ImportSummary, json: boolean): void {
  if (json) return printJson(io, summary);
  io.out(`Imported ${summary.files.length} file(s): ${summary.rowsRead} rows read, ${summary.rowsStored} stored, ${summary.rowsRejected} rejected.`);
  if (summary.unknownUnits) io.out(`${summary.unknownUnits} stored rows have a unit without a known conversion; they are compared only with rows of the same unit.`);
  for (const r of summary.rejects.slice(0, 20)) io.out(`  rejected ${r.file}, line ${r.line}: ${r.reason}`);
  if (summary.rowsRejected > 20) io.out(`  … ${summary.rowsRejected - 20} more rejected rows are listed in the register.`);
}

async function importSub(argv: string[], io: Output, format?: PermitFormat): Promise<void> {
  const { values, positionals } = parse(argv, { ...COMMON, format: { type: 'string' }, mapping: { type: 'string' }, 'keep-names': { type: 'boolean' } }, argv.filter((a) => !a.startsWith('--')).length - optionValues(argv));
  if (positionals.length === 0) throw new UsageError('give at least one file or folder to import');
  const chosen = format ?? (values.format as PermitFormat | undefined);
  if (chosen !== 'trade-db' && chosen !== 'register' && chosen !== 'quotas') throw new UsageError('--format must be trade-db or register');
  const file = requireString(values, 'db');
  const request = withRegister(values, (register): ImportRequest => ({
    authorityId: authorityOf(register, values),
    format: chosen,
    paths: positionals,
    ...(chosen === 'register' ? { mapping: mappingOf(register, values.mapping), pseudonymise: values['keep-names'] !== true } : {}),
  }));
  printImport(io, await runImport(file, request, io), values.json === true);
}

/** How many argv entries are values of options (so they are not counted as files). */
function optionValues(argv: string[]): number {
  const withValue = new Set(['--db', '--authority', '--format', '--mapping']);
  return argv.filter((a, i) => i > 0 && withValue.has(argv[i - 1]!) && !a.startsWith('--')).length;
}

function flagsSub(argv: string[], io: Output): void {
  const { values } = parse(argv, { ...COMMON, 'with-people': { type: 'boolean' } });
  const { summary, flags } = withRegister(values, (register) => {
    const authorityId = authorityOf(register, values);
    const result = analyseAuthorityPermits(register, authorityId);
    return { summary: result, flags: analysisFlags(register, latestAnalysis(register, authorityId)!.id) };
  });
  // Officer and applicant ids stay out unless asked for: they are personal data, even pseudonymised.
  const people = values['with-people'] === true;
  const shown = people ? flags : flags.map(flagWithoutPeople);
  const hhi = people ? summary.officerHhi : [];
  if (values.json) return printJson(io, { ...summary, officerHhi: hhi, flags: shown });
  io.out(`Analysis ${summary.uid}: ${summary.tradeLines} trade lines, ${summary.registerPermits} register permits, ${summary.quotas} quotas; period ${summary.period.from ?? '—'} to ${summary.period.to ?? '—'}.`);
  io.out(`${summary.flaggedPermits} distinct permits flagged. Flags by kind:`);
  for (const kind of PERMIT_FLAG_KINDS) io.out(`  ${kind.padEnd(28)} ${summary.flagsByKind[kind]}`);
  io.out(`Input digest ${summary.inputDigest}. Use --json for the flagged permits${people ? '' : ' (add --with-people for officer and applicant pseudonyms)'}.`);
}

/** `permits import|flags|quotas …` */
export async function permitsCommand(argv: string[], io: Output): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'import') return importSub(rest, io);
  if (sub === 'quotas') return importSub(rest, io, 'quotas');
  if (sub === 'flags') return flagsSub(rest, io);
  throw new UsageError(sub ? `unknown permits command "${sub}" (import, flags or quotas)` : 'permits needs a command: import, flags or quotas');
}
