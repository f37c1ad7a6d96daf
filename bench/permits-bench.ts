import { execFileSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAuthority } from '../db/authorities.js';
import { importPermitFiles } from '../db/permits/import.js';
import { loadQuotas, loadRegisterPermits, loadTrade } from '../db/permits/load.js';
import { analyseInWorker } from '../db/permits/run-analysis.js';
import { startImport } from '../db/permits/run-import.js';
import { closeRegister, openRegister } from '../db/register.js';
import { QUOTA_HEADER, quotaLine, REGISTER_HEADER, REGISTER_MAPPING, registerLine, TRADE_HEADER, tradeLine } from '../tools/permit-generator/csv.js';
import { generatePermitData } from '../tools/permit-generator/index.js';
import { record, recordRatio, sideBySide } from './harness.js';
import { loadDuckPermits } from './permits-duckdb.js';

const TRADE_ROWS = Number(process.env.BENCH_PERMIT_ROWS ?? 1_000_000);
const REGISTER_ROWS = Number(process.env.BENCH_PERMIT_REGISTER ?? 100_000);
/** A million-row import takes seconds: fewer rounds than the other suites, said in every row's note. */
const ROUNDS = Number(process.env.BENCH_PERMIT_ROUNDS ?? 3);
const SQLITE3 = '/usr/bin/sqlite3';

const count = (n: number) => n.toLocaleString('en-GB');

async function writeLines(path: string, header: string, lines: Iterable<string>): Promise<void> {
  const stream: WriteStream = createWriteStream(path);
  const write = async (line: string) => {
    if (!stream.write(`${line}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  await write(header);
  for (const line of lines) await write(line);
  await new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve(null))));
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * The sqlite3 command-line shell importing the same CSV file into a table of
 * the same columns and types as the Trade Database download, with the app's
 * journal mode and synchronous setting, no index (the app builds one), in the
 * one transaction .import opens. Not STRICT: the shell would refuse the empty
 * Quantity the download writes for "no quantity"; the app stores it as NULL.
 */
function shellImport(database: string, csv: string): number {
  const columns = TRADE_HEADER.map((h) => `"${h}" ${h === 'Year' ? 'INTEGER NOT NULL' : h === 'Quantity' ? 'REAL' : 'TEXT NOT NULL'}`).join(', ');
  const script = [
    'PRAGMA journal_mode = WAL;',
    'PRAGMA synchronous = NORMAL;',
    `CREATE TABLE trade_csv (${columns});`,
    `.import --csv --skip 1 '${csv}' trade_csv`,
    'SELECT count(*) FROM trade_csv;',
  ].join('\n');
  const out = execFileSync(SQLITE3, [database], { input: script, encoding: 'utf8' });
  return Number(out.trim().split('\n').at(-1));
}

/**
 * Permit data at a million rows (issue 11's "done when"): importing the Trade
 * Database CSV against the sqlite3 shell's .import, and the full red-flag pass
 * against DuckDB running the same rules as SQL over the same records.
 */
export async function permitsBench(folder: string): Promise<void> {
  const dir = join(folder, 'permits');
  mkdirSync(dir, { recursive: true });
  console.log(`\nPermit data: ${count(TRADE_ROWS)} trade lines, ${count(REGISTER_ROWS)} register permits, ${ROUNDS} alternating rounds`);
  let started = performance.now();
  const files = { trade: join(dir, 'trade.csv'), register: join(dir, 'register.csv'), quotas: join(dir, 'quotas.csv') };
  let tradeLines: number;
  {
    const data = generatePermitData({ seed: 1, tradeRows: TRADE_ROWS, registerRows: REGISTER_ROWS, anomalies: true });
    tradeLines = data.trade.length;
    await writeLines(files.trade, TRADE_HEADER.map((h) => `"${h}"`).join(','), data.trade.map(tradeLine));
    await writeLines(files.register, REGISTER_HEADER.map((h) => `"${h}"`).join(','), data.register.map(registerLine));
    await writeLines(files.quotas, QUOTA_HEADER.join(','), data.quotas.map(quotaLine));
  }
  const megabytes = (statSync(files.trade).size / 1e6).toFixed(0);
  console.log(`  generated the files (${count(tradeLines)} trade lines, ${megabytes} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // An empty register with its authority, copied fresh for every round so each import starts alike.
  const pristine = join(dir, 'pristine.sqlite');
  const setup = openRegister(pristine);
  const authorityId = createAuthority(setup, { name: 'Bench MA', country: 'Benchland', level: 'national', notes: '' }).id;
  closeRegister(setup);
  const appFile = join(dir, 'app.sqlite');
  const shellFile = join(dir, 'shell.sqlite');
  const note = `${ROUNDS} rounds (a million rows a round)`;

  if (existsSync(SQLITE3)) {
    const result = await sideBySide(
      () => {
        removeDatabase(shellFile);
        const rows = shellImport(shellFile, files.trade);
        if (rows !== tradeLines) throw new Error(`the sqlite3 shell imported ${rows} rows, not ${tradeLines}`);
      },
      async () => {
        removeDatabase(appFile);
        copyFileSync(pristine, appFile);
        const summary = await startImport(appFile, { authorityId, format: 'trade-db', paths: [files.trade] }).done;
        if (summary.rowsStored !== tradeLines) throw new Error(`the app stored ${summary.rowsStored} rows, not ${tradeLines}`);
      },
      ROUNDS,
    );
    recordRatio(
      `import of ${count(tradeLines)} Trade Database rows (${megabytes} MB CSV) through the app's importer (worker, validation, units, SHA-256, one transaction)`,
      result,
      `sqlite3 shell .import --csv into a table of the same columns and types, same journal mode`,
      1.5,
      note,
    );
  } else record({ measure: 'import vs the sqlite3 shell', subject: '—', baseline: `${SQLITE3} not found`, ratio: '—', goal: '≤ 1.5×', pass: null });

  // The red-flag pass: the register from the last import round, plus a permit register and quotas.
  started = performance.now();
  removeDatabase(appFile);
  copyFileSync(pristine, appFile);
  const register = openRegister(appFile);
  await importPermitFiles(register, { authorityId, format: 'trade-db', paths: [files.trade] });
  await importPermitFiles(register, { authorityId, format: 'register', paths: [files.register], mapping: { columns: REGISTER_MAPPING } });
  await importPermitFiles(register, { authorityId, format: 'quotas', paths: [files.quotas] });
  const duck = await loadDuckPermits(join(dir, 'flags.duckdb'), loadTrade(register, authorityId), loadRegisterPermits(register, authorityId), loadQuotas(register, authorityId));
  console.log(`  loaded the register and DuckDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let ours: Record<string, number> = {};
  let theirs: Record<string, number> = {};
  const result = await sideBySide(
    async () => {
      theirs = await duck.run();
    },
    // In its worker, as the app runs it (permits.analyse): its own connection and the larger
    // young generation the worker is given, which the bench's main thread does not have.
    async () => {
      ours = (await analyseInWorker(register, authorityId)).flagsByKind;
    },
    ROUNDS,
  );
  const differences = Object.keys(ours).filter((kind) => ours[kind] !== (theirs[kind] ?? 0));
  const flags = Object.values(ours).reduce((a, b) => a + b, 0);
  recordRatio(
    `full red-flag pass (13 rules) over ${count(tradeLines)} trade lines and ${count(REGISTER_ROWS)} register permits: load from the register, rules, store the run`,
    result,
    'DuckDB (same rules as SQL, records already in its own database file, flags stored as a table)',
    1,
    `${note}; in the app's analysis worker, as permits.analyse runs it; ${differences.length ? `flag counts differ for ${differences.map((k) => `${k} ${ours[k]} vs ${theirs[k] ?? 0}`).join(', ')}` : `both find the same ${count(flags)} flags, kind by kind`}`,
  );
  duck.close();
  closeRegister(register);
  rmSync(dir, { recursive: true, force: true });
}
