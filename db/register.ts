import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { driverOptions } from './driver.js';
import { RegisterError } from './errors.js';
import { migrate, refuseNewerSchema } from './migrations/index.js';
import { configuredKeyStore, type KeyStore } from './keys.js';
import { checkRegisterFile, corruptMessage, quickCheck } from './file-checks.js';
import { installNativeCrypto } from './native-crypto.js';

/** An open register file, with the clock its timestamps come from (tests pass a fixed one). */
export interface Register {
  db: Database.Database;
  file: string;
  now: () => string;
  /** Who this session's changes are audited as; falls back to the `actor` setting. */
  actor?: string;
  /** How long after the last write the WAL is folded back into the main file. */
  checkpointDelayMs?: number;
  /** Where this register's signing key is kept; null means locks and reports go unsigned. */
  keys?: KeyStore | null;
}

export interface OpenOptions {
  /** Fails instead of creating a new file. */
  mustExist?: boolean;
  now?: () => string;
  /** Milliseconds a write waits for another writer before giving up (default 5000). */
  busyTimeoutMs?: number;
  /** Milliseconds of write silence before the WAL is checkpointed (default 1000). */
  checkpointDelayMs?: number;
  /** The signing key store; defaults to the one configured at start-up (configureKeyStore). */
  keys?: KeyStore | null;
}

/**
 * Opens a register, refusing (without changing a byte) anything that is not
 * one: a directory, an empty or read-only file, another program's database, a
 * newer register, a corrupt one. Only then is it switched to WAL and migrated.
 */
export function openRegister(file: string, options: OpenOptions = {}): Register {
  installNativeCrypto();
  if (options.mustExist && !existsSync(file)) throw new RegisterError('not_found', `no register file at ${file}`);
  checkRegisterFile(file);
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: options.mustExist ?? false, ...driverOptions() });
  } catch (error) {
    throw new RegisterError('not_a_register', `cannot open ${file} as a register: ${(error as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Refuse a newer or foreign register before touching it: even switching to WAL rewrites its header.
    refuseNewerSchema(db);
    quickCheck(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw asRegisterError(error, file);
  }
  return { db, file, now: options.now ?? (() => new Date().toISOString()), checkpointDelayMs: options.checkpointDelayMs ?? 1000, keys: options.keys === undefined ? configuredKeyStore() : options.keys };
}

export function closeRegister(register: Register): void {
  const timer = checkpointTimers.get(register);
  if (timer) clearTimeout(timer);
  checkpointTimers.delete(register);
  register.db.close();
}

/**
 * Runs `work` in one IMMEDIATE transaction: the write lock is taken at the
 * start (waiting up to busy_timeout for another writer), so two writers never
 * deadlock half-way; all of it is written, or none.
 */
export function inTransaction<T>(register: Register, work: () => T): T {
  if (register.db.inTransaction) return work();
  let result: T;
  try {
    result = register.db.transaction(work).immediate();
  } catch (error) {
    throw asRegisterError(error, register.file);
  }
  scheduleCheckpoint(register);
  return result;
}

const checkpointTimers = new WeakMap<Register, NodeJS.Timeout>();

/**
 * Once writes have gone quiet, folds the WAL back into the main file, so that
 * copying the .sqlite file alone (a common "backup") holds every committed row.
 */
export function scheduleCheckpoint(register: Register): void {
  const previous = checkpointTimers.get(register);
  if (previous) clearTimeout(previous);
  const timer = setTimeout(() => {
    checkpointTimers.delete(register);
    if (!register.db.open || register.db.inTransaction) return;
    try {
      register.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another connection holds the database: the next quiet moment (or closing) checkpoints.
    }
  }, register.checkpointDelayMs ?? 1000);
  timer.unref();
  checkpointTimers.set(register, timer);
}

/** SQLite's busy, read-only and corruption errors, named for users in one line. */
export function asRegisterError(error: unknown, file: string): unknown {
  if (error instanceof RegisterError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new RegisterError('busy', `the register ${file} is busy: another program is writing to it; nothing was changed, try again in a moment`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new RegisterError('read_only', `the register ${file} cannot be written (read-only file or folder); nothing was changed`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new RegisterError('corrupt', corruptMessage(file, (error as Error).message));
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) {
    return new RegisterError('io', `the register ${file} could not be written (${(error as Error).message}); nothing was changed`);
  }
  return error;
}
