import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUNDS, writeResults } from './harness.js';
import { registerBench } from './register-bench.js';
import { apiBench } from './api-bench.js';
import { rendererBench } from './renderer-bench.js';
import { exportBench } from './export-bench.js';
import { cliBench } from './cli-bench.js';
import { permitsBench } from './permits-bench.js';

const RESULTS = fileURLToPath(new URL('../../bench/results.md', import.meta.url));
const only = process.argv.slice(2);
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

const BENCHES: Record<string, (folder: string) => Promise<void>> = {
  register: registerBench,
  api: (folder) => apiBench(folder, RENDERER_DIR),
  renderer: (folder) => rendererBench(folder, RENDERER_DIR),
  export: exportBench,
  cli: cliBench,
  permits: permitsBench,
};

// Other work on the machine skews absolute times: the header says how loaded it was.
const loadBefore = loadavg()[0]!;
const folder = mkdtempSync(join(tmpdir(), 'pi-bench-'));
try {
  for (const [name, bench] of Object.entries(BENCHES)) if (!only.length || only.includes(name)) await bench(folder);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const header = `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; medians of ${ROUNDS} alternating rounds (min–max in brackets); one-minute load average ${loadBefore.toFixed(2)} at the start and ${loadavg()[0]!.toFixed(2)} at the end. Benchmarks are not tests: CI never runs them.`;
if (!only.length) writeResults(RESULTS, header);
else {
  writeResults(RESULTS, `${header} This run measured ${only.join(', ')}; the other rows are kept from earlier runs.`, { keepOthers: true });
  console.log(`\n(partial run of ${only.join(', ')}: its rows replaced in ${RESULTS}, the others kept)`);
}
