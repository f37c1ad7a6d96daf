/**
 * Fuzz (issue 9): hostile packages and random API calls against a real
 * register. Every answer must be a result or a named refusal: no exception
 * escapes dispatch (a crash), no 'internal' error, and a refusal leaves the
 * register exactly as it was (row counts, a hash of every row, integrity_check).
 * CI runs FUZZ_RUNS (default 150) of each; FUZZ_RUNS=10000 is the full run
 * (measured figure in docs/security.md).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.js';
import { createDemo, demoPackage } from '../../db/demo.js';
import { FileKeyStore } from '../../db/keys.js';
import type { Register } from '../../db/register.js';
import { API_METHODS } from '../../shared/api/methods.js';
import { rowCounts, tableNames, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const ENV = { transport: 'browser' as const, version: 'fuzz' };

/** A small seeded PRNG (mulberry32): a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: unknown[] = ['', ' ', '\u0000', 'a\u0007b', '＝1+1', '=HYPERLINK("x")', 'x'.repeat(70_000), '../../etc/passwd', '%ZZ', '\uD800', -1, 0, 1.5, 2 ** 53, Number.MAX_VALUE, true, null, [], {}, [[[]]], { __proto__: { polluted: 1 } }, '2026-02-30', 'NaN', '9'.repeat(64), 'f'.repeat(128)];

function nasty(random: () => number): unknown {
  return NASTY[Math.floor(random() * NASTY.length)];
}

/** One random change somewhere in a JSON value: delete a key, replace a value, or grow an array. */
function mutate(value: unknown, random: () => number, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (!value.length || random() < 0.15) return random() < 0.5 ? [...value, nasty(random)] : nasty(random);
    const i = Math.floor(random() * value.length);
    return value.map((v, k) => (k === i ? mutate(v, random, depth + 1) : v));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (!keys.length || random() < 0.1 + depth * 0.05) return random() < 0.3 ? nasty(random) : { ...value, [String(nasty(random))]: nasty(random) };
    const key = keys[Math.floor(random() * keys.length)]!;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (random() < 0.15) delete copy[key];
    else copy[key] = mutate(copy[key], random, depth + 1);
    return copy;
  }
  return nasty(random);
}

function fingerprintOf(register: Register): { counts: Record<string, number>; hash: string } {
  const hash = createHash('sha256');
  for (const table of tableNames(register.db)) for (const row of register.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  return { counts: rowCounts(register.db), hash: hash.digest('hex') };
}

async function expectSoundAnswer(register: Register, method: string, input: unknown, seed: number): Promise<'ok' | 'refused'> {
  const before = fingerprintOf(register);
  let result;
  try {
    result = await dispatch(register, ENV, method, input);
  } catch (error) {
    throw new Error(`seed ${seed}: ${method} threw (a crash): ${(error as Error).stack}`);
  }
  if (result.ok) return 'ok';
  expect(result.error.code, `seed ${seed}: ${method}: ${result.error.message}`).not.toBe('internal');
  expect(fingerprintOf(register), `seed ${seed}: ${method} was refused but wrote something`).toEqual(before);
  expect(register.db.pragma('integrity_check', { simple: true })).toBe('ok');
  return 'refused';
}

describe('fuzz', () => {
  it(`${RUNS} hostile packages: refused cleanly or imported whole`, async () => {
    const register = temp.open({ keys: new FileKeyStore(temp.dir()) });
    const base = JSON.parse(JSON.stringify(demoPackage())) as Record<string, unknown>;
    const tally = { ok: 0, refused: 0 };
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const random = prng(seed);
      let pkg: unknown = base;
      const mutations = 1 + Math.floor(random() * 4);
      for (let m = 0; m < mutations; m += 1) pkg = mutate(pkg, random);
      tally[await expectSoundAnswer(register, 'packages.import', { package: pkg }, seed)] += 1;
    }
    // Most mutations are refused; the point is that none crashes or half-writes.
    expect(tally.refused).toBeGreaterThan(RUNS / 2);
  });

  it(`${RUNS} random API calls: a result or a named refusal, never a crash or a partial write`, async () => {
    const register = temp.open({ keys: new FileKeyStore(temp.dir()) });
    createDemo(register);
    // Exports render files (PDF needs a browser): they are fuzzed through their input validation only.
    const methods = API_METHODS.filter((m) => !['reports.export', 'portfolio.export', 'register.backup'].includes(m));
    const valid: Record<string, unknown> = { id: 1, authorityId: 1, controlId: 1, criterionId: '7.1(a)', asOf: '2026-10-31', to: 'submitted', limit: 5, k: 3 };
    const tally = { ok: 0, refused: 0 };
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const random = prng(seed * 7919);
      const method = random() < 0.03 ? String(nasty(random)) : methods[Math.floor(random() * methods.length)]!;
      let input: unknown = random() < 0.5 ? { ...valid } : {};
      for (let m = Math.floor(random() * 3); m > 0; m -= 1) input = mutate(input, random);
      tally[await expectSoundAnswer(register, method, input, seed)] += 1;
    }
    expect(tally.ok + tally.refused).toBe(RUNS);
    expect(tally.ok).toBeGreaterThan(0);
  });
});
