import { mkdirSync, writeFileSync, createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { QUOTA_HEADER, quotaLine, REGISTER_HEADER, REGISTER_MAPPING, registerLine, TRADE_HEADER, tradeLine } from './permit-generator/csv.js';
import { generatePermitData } from './permit-generator/index.js';

/**
 * Writes generated permit data to a folder:
 *   node dist/tools/generate-permits.js OUT [--trade N] [--register N] [--seed S] [--clean] [--files K]
 * trade-db/*.csv (the Trade Database layout, split into K files like a full download),
 * register.csv with register-mapping.json, quotas.csv, and planted.json (every planted anomaly).
 */
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

async function write(stream: WriteStream, lines: Iterable<string>): Promise<void> {
  for (const line of lines) if (!stream.write(`${line}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  await new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve(null))));
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out || out.startsWith('--')) throw new Error('usage: generate-permits OUT [--trade N] [--register N] [--seed S] [--clean] [--files K]');
  const data = generatePermitData({ seed: option('seed', 1), tradeRows: option('trade', 100_000), registerRows: option('register', 20_000), anomalies: !process.argv.includes('--clean') });
  const files = Math.max(1, option('files', 1));
  mkdirSync(join(out, 'trade-db'), { recursive: true });
  const per = Math.ceil(data.trade.length / files);
  for (let f = 0; f < files; f += 1) {
    const slice = data.trade.slice(f * per, (f + 1) * per);
    await write(createWriteStream(join(out, 'trade-db', `trade_db_${f + 1}.csv`)), [TRADE_HEADER.map((h) => `"${h}"`).join(','), ...slice.map(tradeLine)]);
  }
  await write(createWriteStream(join(out, 'register.csv')), [REGISTER_HEADER.map((h) => `"${h}"`).join(','), ...data.register.map(registerLine)]);
  await write(createWriteStream(join(out, 'quotas.csv')), [QUOTA_HEADER.join(','), ...data.quotas.map(quotaLine)]);
  writeFileSync(join(out, 'register-mapping.json'), `${JSON.stringify({ name: 'generated register', format: 'register', columns: REGISTER_MAPPING }, null, 2)}\n`);
  writeFileSync(join(out, 'planted.json'), `${JSON.stringify(data.planted)}\n`);
  process.stderr.write(`wrote ${data.trade.length} trade lines in ${files} file(s), ${data.register.length} register permits, ${data.quotas.length} quotas, ${data.planted.length} planted anomalies to ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
