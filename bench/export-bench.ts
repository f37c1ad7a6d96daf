import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { portfolioOf } from '../api/portfolio-handlers.js';
import { reportData } from '../api/report-handlers.js';
import { createDemo } from '../db/demo.js';
import { registerLibrary } from '../db/frameworks.js';
import { importPackage } from '../db/package-import.js';
import { closeRegister, openRegister } from '../db/register.js';
import { exportPortfolio } from '../exports/portfolio-export.js';
import { exportReport } from '../exports/report-export.js';
import { syntheticPackage } from './synthetic.js';

const ROUNDS = 3;

/** Median of a few timed runs after a warm-up (the first PDF also starts Chromium's disk cache). */
async function time(label: string, work: () => Promise<unknown>): Promise<void> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} ${runs[Math.floor(ROUNDS / 2)]!.toFixed(0).padStart(9)} ms   (min ${runs[0]!.toFixed(0)}, max ${runs.at(-1)!.toFixed(0)})`);
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'pi-export-bench-'));
  try {
    console.log(`\nExport benchmark, median of ${ROUNDS} runs\n`);
    const demo = openRegister(join(folder, 'demo.sqlite'));
    createDemo(demo);
    await time('demo assessment: load + PDF (Chromium)', () => exportReport(reportData(demo, 2), 'pdf', 'en'));
    await time('demo assessment: load + XLSX', () => exportReport(reportData(demo, 2), 'xlsx', 'en'));
    closeRegister(demo);

    const pool = openRegister(join(folder, 'portfolio.sqlite'));
    for (let i = 0; i < 200; i++) importPackage(pool, syntheticPackage(i, 40));
    const library = registerLibrary(pool);
    const libraryInfo = { frameworks: [...library.frameworks.values()], families: [...library.families.values()] };
    await time('200 authorities: pool the portfolio (load + score all)', async () => portfolioOf(pool));
    const portfolio = portfolioOf(pool);
    await time('200 authorities: portfolio PDF (Chromium)', () => exportPortfolio(portfolio, libraryInfo, { document: 'portfolio', format: 'pdf', language: 'en' }));
    await time('200 authorities: portfolio XLSX', () => exportPortfolio(portfolio, libraryInfo, { document: 'portfolio', format: 'xlsx', language: 'en' }));
    closeRegister(pool);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
