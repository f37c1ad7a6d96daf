import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listAssessments } from '../db/assessments.js';
import { listAuthorities } from '../db/authorities.js';
import { exportPackage } from '../db/package-export.js';
import { importPackage } from '../db/package-import.js';
import { closeRegister, openRegister, type Register } from '../db/register.js';
import { scoreAssessment } from '../db/snapshot.js';
import { syntheticPackage } from './synthetic.js';

const AUTHORITIES = 200;
const CONTROLS = 40;
const ROUNDS = 5;

/** Median of several timed runs, in milliseconds: one slow run (a GC pause) does not decide the figure. */
function time(label: string, work: () => unknown): number {
  work(); // warm-up: statement caches, JIT
  const runs = Array.from({ length: ROUNDS }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  const median = runs[Math.floor(ROUNDS / 2)]!;
  console.log(`${label.padEnd(58)} ${median.toFixed(1).padStart(9)} ms   (min ${runs[0]!.toFixed(1)}, max ${runs.at(-1)!.toFixed(1)})`);
  return median;
}

/** The baseline: the same rows scoring needs, read with plain SQL and nothing else. */
function plainRead(register: Register): number {
  let rows = 0;
  const db = register.db;
  for (const { id } of db.prepare('SELECT id FROM authorities').all() as Array<{ id: number }>) {
    rows += db.prepare('SELECT * FROM controls WHERE authority_id = ?').all(id).length;
    rows += db.prepare('SELECT e.* FROM evidence e JOIN controls c ON c.id = e.control_id WHERE c.authority_id = ?').all(id).length;
    for (const a of db.prepare('SELECT id FROM assessments WHERE authority_id = ?').all(id) as Array<{ id: number }>) {
      rows += db.prepare('SELECT * FROM criterion_inputs WHERE assessment_id = ?').all(a.id).length;
      rows += db.prepare('SELECT * FROM chain_cells WHERE assessment_id = ?').all(a.id).length;
    }
  }
  return rows;
}

function loadAndScoreAll(register: Register): number {
  let flags = 0;
  for (const authority of listAuthorities(register)) {
    for (const assessment of listAssessments(register, authority.id)) flags += scoreAssessment(register, assessment.id).flags.length;
  }
  return flags;
}

function main(): void {
  const folder = mkdtempSync(join(tmpdir(), 'pi-bench-'));
  try {
    console.log(`Permit Integrity register benchmark: ${AUTHORITIES} authorities × ${CONTROLS} controls, median of ${ROUNDS} runs\n`);
    const packages = Array.from({ length: AUTHORITIES }, (_, i) => syntheticPackage(i, CONTROLS));
    const source = openRegister(join(folder, 'source.sqlite'));
    const setup = performance.now();
    for (const pkg of packages) importPackage(source, pkg);
    console.log(`${'build the synthetic register (200 package imports, once)'.padEnd(58)} ${(performance.now() - setup).toFixed(1).padStart(9)} ms\n`);

    const plain = time('plain SQL read of the rows scoring needs', () => plainRead(source));
    const scored = time('load snapshots and score all 200 authorities (PI-1)', () => loadAndScoreAll(source));
    console.log(`${'ratio load+score / plain read (goal: within 2×)'.padEnd(58)} ${(scored / plain).toFixed(2).padStart(9)} ×\n`);

    const authorities = listAuthorities(source);
    time('export 200 packages', () => authorities.map((a) => JSON.stringify(exportPackage(source, a.id))));
    const exported = authorities.map((a) => JSON.parse(JSON.stringify(exportPackage(source, a.id))) as unknown);
    let round = 0;
    time('re-import 200 packages into a fresh register', () => {
      const target = openRegister(join(folder, `target-${round++}.sqlite`));
      try {
        for (const pkg of exported) importPackage(target, pkg);
      } finally {
        closeRegister(target);
      }
    });
    closeRegister(source);
    const memory = process.memoryUsage();
    console.log(`\nheap used ${(memory.heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(memory.rss / 2 ** 20).toFixed(1)} MiB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
