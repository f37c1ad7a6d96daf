import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Median, min and max of repeated runs, in milliseconds. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** One line of bench/results.md. */
export interface ResultRow {
  measure: string;
  subject: string;
  baseline: string;
  ratio: string;
  goal: string;
  pass: boolean | null;
  note?: string;
}

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const rows: ResultRow[] = [];

export function summarise(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs };
}

async function once(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Times `work` after one warm-up run. */
export async function timeOf(work: () => unknown, rounds = ROUNDS): Promise<Timing> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) runs.push(await once(work));
  return summarise(runs);
}

/**
 * Baseline and subject, each warmed up once, then run in alternation so that
 * a slow phase of the machine (another process, a GC) hits both alike.
 */
export async function sideBySide(baseline: () => unknown, subject: () => unknown, rounds = ROUNDS): Promise<{ baseline: Timing; subject: Timing; ratio: number }> {
  await baseline();
  await subject();
  const b: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first too, so neither always runs on a warmer cache.
    if (i % 2 === 0) {
      b.push(await once(baseline));
      s.push(await once(subject));
    } else {
      s.push(await once(subject));
      b.push(await once(baseline));
    }
  }
  const timings = { baseline: summarise(b), subject: summarise(s) };
  return { ...timings, ratio: timings.subject.median / timings.baseline.median };
}

export function ms(t: Timing): string {
  const digits = t.median < 10 ? 2 : t.median < 100 ? 1 : 0;
  return `${t.median.toFixed(digits)} ms (${t.min.toFixed(digits)}–${t.max.toFixed(digits)})`;
}

/** Records a ratio measured side by side against its goal. */
export function recordRatio(measure: string, result: { baseline: Timing; subject: Timing; ratio: number }, baselineName: string, goal: number, note?: string): void {
  record({
    measure,
    subject: ms(result.subject),
    baseline: `${baselineName}: ${ms(result.baseline)}`,
    ratio: `${result.ratio.toFixed(2)}×`,
    goal: `≤ ${goal}×`,
    pass: result.ratio <= goal,
    note,
  });
}

/** Records an absolute figure against a ceiling. */
export function recordLimit(measure: string, value: number, unit: string, limit: number, detail = '', note?: string): void {
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  record({ measure, subject: `${value.toFixed(digits)} ${unit}${detail ? ` ${detail}` : ''}`, baseline: '—', ratio: '—', goal: `≤ ${limit} ${unit}`, pass: value <= limit, note });
}

export function record(row: ResultRow): void {
  rows.push(row);
  const verdict = row.pass === null ? 'info' : row.pass ? 'PASS' : 'FAIL';
  console.log(`${verdict.padEnd(5)} ${row.measure}: ${row.subject}${row.baseline !== '—' ? ` vs ${row.baseline}` : ''}${row.ratio !== '—' ? ` = ${row.ratio}` : ''} (goal ${row.goal})${row.note ? ` — ${row.note}` : ''}`);
}

export function recordedRows(): readonly ResultRow[] {
  return rows;
}

/** Writes the table of every recorded row; the file is what the README's figures come from. */
export function writeResults(file: string, header: string, options: { keepOthers?: boolean } = {}): void {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const fresh = new Map(rows.map((r) => [cell(r.measure), `| ${cell(r.measure)} | ${cell(r.subject)} | ${cell(r.baseline)} | ${r.ratio} | ${cell(r.goal)} | ${r.pass === null ? 'info' : r.pass ? 'pass' : '**fail**'}${r.note ? `: ${cell(r.note)}` : ''} |`]));
  // A partial run replaces the rows it measured and keeps the file's other rows (from their own, earlier run).
  const kept = options.keepOthers && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => /^\| (?!measure \||---)/.test(line)) : [];
  const measureOf = (line: string) => line.slice(2, line.search(/ \| /) > 0 ? line.search(/ \| /) : undefined);
  const table = kept.map((line) => fresh.get(measureOf(line)) ?? line);
  for (const [measure, line] of fresh) if (!kept.some((k) => measureOf(k) === measure)) table.push(line);
  const lines = ['# Benchmark results', '', header, '', '| measure | subject | baseline | ratio | goal | result |', '|---|---|---|---|---|---|', ...table, ''];
  writeFileSync(file, lines.join('\n'));
}
