import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { RegisterError } from './errors.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Looks at a file before SQLite opens it for writing, so that refusing it
 * changes nothing: a directory, an empty file (SQLite would happily write a
 * new database into it), a read-only file, or bytes that are not SQLite.
 * A missing file is fine: a new register will be created there.
 */
export function checkRegisterFile(file: string): void {
  if (!existsSync(file)) return;
  const stat = statSync(file);
  if (stat.isDirectory()) throw new RegisterError('not_a_register', `${file} is a folder, not a register file`);
  if (!stat.isFile()) throw new RegisterError('not_a_register', `${file} is not a regular file`);
  if (stat.size === 0) throw new RegisterError('not_a_register', `${file} is an empty file, not a register; nothing was written to it (choose a new file name to create a register)`);
  // Mode bits, not access(): an administrator account can write anything, but a file marked read-only means "keep as is".
  if ((stat.mode & 0o222) === 0) throw new RegisterError('read_only', `${file} is read-only; make it writable or open a copy (nothing was changed)`);
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) throw new RegisterError('not_a_register', `${file} is not an SQLite database, so not a register; nothing was changed`);
}

/** quick_check on open: a damaged register is refused before anything is written to it. */
export function quickCheck(db: Database.Database, file: string): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
  } catch (error) {
    throw new RegisterError('corrupt', corruptMessage(file, (error as Error).message));
  }
  const lines = (result as Array<{ quick_check: string }>).map((row) => row.quick_check);
  if (lines.length !== 1 || lines[0] !== 'ok') throw new RegisterError('corrupt', corruptMessage(file, lines.join('; ')));
}

export function corruptMessage(file: string, detail: string): string {
  return `the register ${file} is damaged (${detail}); it was not opened, so nothing was written. Restore the latest backup (File > Back up register makes them; see docs/security.md, "Backups") or ask for a fresh package`;
}
