import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { profileMapping, type MappingProfile } from '../../shared/permits/mapping-profile.js';
import type { RegisterMapping } from '../../shared/permits/parse-row.js';
import { PERMIT_FLAG_KINDS, type PermitFlag } from '../../shared/permits/records.js';
import type { ImportSummary, PermitFormat } from '../../shared/permits/summaries.js';
import type { ApiInput } from '../../shared/api/inputs.js';
import type { CliApi } from '../api-call.js';
import { parse } from '../args.js';
import { printJson, withApi, type Output } from '../context.js';
import { InputError, UsageError } from '../errors.js';
import { readJsonFile } from '../io.js';

const COMMON = { db: { type: 'string' }, actor: { type: 'string' }, authority: { type: 'string' } } as const;

/** The authority the data belong to: --authority, or the register's only one. */
async function authorityOf(api: CliApi, values: Record<string, unknown>): Promise<number> {
  const all = await api('authorities.list', {});
  if (typeof values.authority === 'string') {
    if (!/^[1-9]\d{0,15}$/.test(values.authority)) throw new UsageError(`--authority must be a positive whole number (an id from "list"), got "${values.authority}"`);
    const id = Number(values.authority);
    if (!all.some((a) => a.id === id)) throw new InputError(`authority ${id} not found (see "list")`);
    return id;
  }
  if (all.length === 1) return all[0]!.id;
  throw new InputError(all.length === 0 ? 'this register has no authority yet: import a package or run "demo" first' : `this register holds ${all.length} authorities: choose one with --authority ID (see "list")`);
}

/** --mapping is a JSON file ({columns, dateOrder}) or the name of a saved profile. */
async function mappingOf(api: CliApi, value: unknown): Promise<RegisterMapping> {
  if (typeof value !== 'string' || !value) throw new UsageError('--mapping is required for --format register (a mapping JSON file or a saved profile name)');
  if (!existsSync(value)) {
    const saved = (await api('permits.mappings', {})).find((profile) => profile.name === value);
    if (!saved) throw new InputError(`mapping: no saved mapping profile named "${value}"`);
    return profileMapping(saved);
  }
  const data = readJsonFile(value) as Record<string, unknown>;
  const profile = { name: typeof data.name === 'string' ? data.name : value, format: 'register', columns: data.columns, ...(data.dateOrder ? { dateOrder: data.dateOrder } : {}) } as MappingProfile;
  return profileMapping(await api('permits.saveMapping', { profile }));
}

/** How often the progress line is refreshed on a terminal. */
const PROGRESS_MS = 250;

/** The app's import (permits.import, in a worker); on a terminal its progress is polled and shown, and Ctrl-C cancels it. */
async function runImport(api: CliApi, request: Omit<ApiInput<'permits.import'>, 'jobId'>): Promise<ImportSummary> {
  const jobId = randomUUID();
  const tty = process.stderr.isTTY === true;
  const timer = tty
    ? setInterval(() => {
        void api('permits.progress', { jobId }).then((p) => {
          if (p) process.stderr.write(`\r${p.file}: ${Math.floor((100 * p.bytesRead) / Math.max(1, p.bytesTotal))} %, ${p.rowsRead.toLocaleString('en-GB')} rows `);
        });
      }, PROGRESS_MS)
    : null;
  const cancel = () => void api('permits.cancel', { jobId });
  process.once('SIGINT', cancel);
  try {
    return await api('permits.import', { ...request, jobId });
  } finally {
    if (timer) clearInterval(timer);
    process.off('SIGINT', cancel);
    if (tty) process.stderr.write('\n');
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
  const summary = await withApi(values, async (api) =>
    runImport(api, {
      authorityId: await authorityOf(api, values),
      format: chosen,
      paths: positionals,
      ...(chosen === 'register' ? { mapping: await mappingOf(api, values.mapping), pseudonymise: values['keep-names'] !== true } : {}),
    }),
  );
  printImport(io, summary, values.json === true);
}

/** How many argv entries are values of options (so they are not counted as files). */
function optionValues(argv: string[]): number {
  const withValue = new Set(['--db', '--authority', '--format', '--mapping']);
  return argv.filter((a, i) => i > 0 && withValue.has(argv[i - 1]!) && !a.startsWith('--')).length;
}

/** Flags are fetched a page at a time, as the app's table does. */
const FLAG_PAGE = 10_000;

async function flagsSub(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { ...COMMON, 'with-people': { type: 'boolean' } });
  // Officer and applicant ids stay out unless asked for: they are personal data, even pseudonymised (the API blanks them).
  const people = values['with-people'] === true;
  const { summary, flags } = await withApi(values, async (api) => {
    const authorityId = await authorityOf(api, values);
    const result = await api('permits.analyse', { authorityId });
    const all: PermitFlag[] = [];
    for (let offset = 0; ; offset += FLAG_PAGE) {
      const page = await api('permits.flags', { authorityId, withPeople: people, offset, limit: FLAG_PAGE });
      all.push(...page.flags);
      if (all.length >= page.total || !page.flags.length) break;
    }
    return { summary: result, flags: all };
  });
  const hhi = people ? summary.officerHhi : [];
  if (values.json) return printJson(io, { ...summary, officerHhi: hhi, flags });
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
