import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { driverOptions } from './driver.js';
import { RegisterError } from './errors.js';
import { migrate, refuseNewerSchema } from './migrations/index.js';

/** An open register file, with the clock its timestamps come from (tests pass a fixed one). */
export interface Register {
  db: Database.Database;
  file: string;
  now: () => string;
  /** Who this session's changes are audited as; falls back to the `actor` setting. */
  actor?: string;
}

export interface OpenOptions {
  /** Fails instead of creating a new file. */
  mustExist?: boolean;
  now?: () => string;
}

export function openRegister(file: string, options: OpenOptions = {}): Register {
  if (options.mustExist && !existsSync(file)) throw new RegisterError('not_found', `no register file at ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: options.mustExist ?? false, ...driverOptions() });
    // Refuse a newer register before touching it: even switching to WAL rewrites its header.
    refuseNewer(db);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if (error instanceof RegisterError) throw error;
    throw new RegisterError('not_a_register', `cannot open ${file} as a register: ${(error as Error).message}`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file, now: options.now ?? (() => new Date().toISOString()) };
}

export function closeRegister(register: Register): void {
  register.db.close();
}

/** Runs `work` in one transaction: all of it is written, or none. */
export function inTransaction<T>(register: Register, work: () => T): T {
  return register.db.transaction(work)();
}

function refuseNewer(db: Database.Database): void {
  try {
    refuseNewerSchema(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
