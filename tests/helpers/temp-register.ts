/**
 * Real SQLite registers in temporary folders: every test gets its own file
 * under os.tmpdir(), closed and removed after the test. Never a mock.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { RegisterError } from '../../db/errors.js';
import { openRegister, type OpenOptions, type Register } from '../../db/register.js';

/** The fixed instant every register in these tests writes as "now". */
export const FIXED_NOW = '2026-11-01T10:00:00.000Z';
export const fixedClock = (): string => FIXED_NOW;

export function makeTempDir(prefix = 'permit-integrity-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TempRegisters {
  /** A new empty temporary folder, removed after the test. */
  dir(): string;
  /** A path for a file (not created) in a new temporary folder. */
  path(name?: string): string;
  /** Opens (creating) a register with the fixed clock unless told otherwise. */
  open(options?: OpenOptions, file?: string): Register;
  /** A raw better-sqlite3 connection, closed after the test. */
  raw(file?: string): Database.Database;
}

/**
 * Call once per test file (or describe block); registers hooks that close
 * every connection and remove every folder handed out during each test.
 */
export function useTempRegisters(): TempRegisters {
  const dirs: string[] = [];
  const connections: Database.Database[] = [];
  afterEach(() => {
    for (const db of connections.splice(0)) if (db.open) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const dir = (): string => {
    const created = makeTempDir();
    dirs.push(created);
    return created;
  };
  const path = (name = 'register.sqlite'): string => join(dir(), name);
  return {
    dir,
    path,
    open(options: OpenOptions = {}, file: string = path()): Register {
      const register = openRegister(file, { now: fixedClock, ...options });
      connections.push(register.db);
      return register;
    },
    raw(file: string = path()): Database.Database {
      const db = new Database(file);
      connections.push(db);
      return db;
    },
  };
}

/** Every user table of the database, in name order. */
export function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
}

/** Row count of every table: a cheap fingerprint for "nothing was written". */
export function rowCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tableNames(db)) counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  return counts;
}

/** Whole content of the tables that matter for "nothing changed" checks. */
export function dumpTables(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of tableNames(db)) out[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
  return out;
}

/**
 * Runs `work`, expects the register to refuse it with `code`, and checks that
 * nothing was written (every table as before); answers the refusal's message.
 */
export function refusedWithoutWrites(register: Register, code: string, work: () => unknown): string {
  const before = dumpTables(register.db);
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterError);
    expect((error as RegisterError).code).toBe(code);
    expect(dumpTables(register.db)).toEqual(before);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}
