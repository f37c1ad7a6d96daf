import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemo } from '../db/demo.js';
import { exportPackage } from '../db/package-export.js';
import { closeRegister, openRegister } from '../db/register.js';
import { ms, record, recordRatio, ROUNDS, sideBySide, summarise } from './harness.js';
import { rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The CLI as npx runs it: dist/cli/bin.cjs (the rolldown bundle after npm run build; package.json "bin"). */
const BIN = fileURLToPath(new URL('../cli/bin.cjs', import.meta.url));

function node(args: string[]): () => void {
  return () => {
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  };
}

/** CLI start-up, each command a fresh process, side by side with a bare `node -e ''`. */
export async function cliBench(folder: string): Promise<void> {
  console.log("\nCLI start-up against node -e '' (child processes, alternating)");
  const db = join(folder, 'cli-bench.sqlite');
  const register = openRegister(db);
  createDemo(register);
  const pkg = join(folder, 'cli-bench-package.json');
  writeFileSync(pkg, JSON.stringify(exportPackage(register, 1)));
  closeRegister(register);
  const bare = node(['-e', '']);
  recordRatio('CLI --help', await sideBySide(bare, node([BIN, '--help'])), "node -e ''", 2);
  recordRatio('CLI score (demo package)', await sideBySide(bare, node([BIN, 'score', pkg])), "node -e ''", 2);
  recordRatio('CLI report --format csv (demo draft)', await sideBySide(bare, node([BIN, 'report', '--db', db, '--assessment', '2', '--format', 'csv', '--out', join(folder, 'cli-bench.csv')])), "node -e ''", 3);
  await firstRunAfterBuild(bare, node([BIN, 'score', pkg]));
}

/**
 * The rows above run with the code cache the warm-up run wrote, as every run
 * after the first does. This one is the first run after a build: the cache is
 * emptied before each timed run (outside the timing).
 */
async function firstRunAfterBuild(bare: () => void, score: () => void): Promise<void> {
  const cache = fileURLToPath(new URL('../cli/.code-cache/', import.meta.url));
  const runs: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    rmSync(cache, { recursive: true, force: true });
    let start = performance.now();
    score();
    runs.push(performance.now() - start);
    start = performance.now();
    bare();
    baseline.push(performance.now() - start);
  }
  const subject = summarise(runs);
  const base = summarise(baseline);
  record({ measure: 'CLI score, first run after a build (no code cache yet; it writes one)', subject: ms(subject), baseline: `node -e '': ${ms(base)}`, ratio: `${(subject.median / base.median).toFixed(2)}×`, goal: '—', pass: null });
}
