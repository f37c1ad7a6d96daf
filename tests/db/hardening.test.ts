/**
 * Register hardening (issue 9): each attack is shown to work against the
 * schema before migration 3 where that makes sense, and to be refused now.
 */
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuthority, listAuthorities } from '../../db/authorities.js';
import { verifyAudit } from '../../db/audit.js';
import { RegisterError } from '../../db/errors.js';
import { APPLICATION_ID, LATEST_VERSION, migrate } from '../../db/migrations/index.js';
import { closeRegister, openRegister } from '../../db/register.js';
import { createDemo } from '../../db/demo.js';
import { dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

function refusedCode(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterError);
    return (error as RegisterError).code;
  }
  throw new Error('expected a refusal');
}

/** A raw connection to a register holding the demo (one locked assessment) at schema `version`. */
function demoAt(version: number): Database.Database {
  const file = temp.path();
  const register = openRegister(file);
  createDemo(register);
  closeRegister(register);
  const db = temp.raw(file);
  if (version < LATEST_VERSION) {
    // Rebuild the same rows in a database stopped at `version`, to show the attack used to work.
    const old = temp.raw(temp.path());
    migrate(old, version);
    old.pragma('foreign_keys = ON');
    for (const table of ['authorities', 'assessments', 'audit_log']) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      for (const row of rows) {
        const columns = Object.keys(row).filter((c) => (old.prepare(`SELECT 1 FROM pragma_table_info('${table}') WHERE name = ?`).get(c) !== undefined));
        const status = table === 'assessments' ? row.status : null;
        const values = columns.map((c) => (table === 'assessments' && ['status', 'snapshot', 'digest'].includes(c) ? (c === 'status' ? 'draft' : null) : row[c]));
        old.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
        if (status === 'locked') old.prepare("UPDATE assessments SET status = 'locked', snapshot = ?, digest = ? WHERE id = ?").run(row.snapshot, row.digest, row.id);
      }
    }
    return old;
  }
  return db;
}

const REPLACE_LOCKED = "INSERT OR REPLACE INTO assessments (id, uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, created_at, updated_at) SELECT id, uid, authority_id, 'Forged', as_of, 'draft', frameworks, methodology, methodology_version, created_at, updated_at FROM assessments WHERE status = 'locked'";
const REPLACE_AUDIT = "INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, hash) SELECT id, at, 'Mallory', action, entity, entity_id, prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT 1";

describe('INSERT OR REPLACE cannot swap a locked assessment or an audit row', () => {
  it('worked against schema 2 (the attack the triggers close)', () => {
    const db = demoAt(2);
    db.exec(REPLACE_LOCKED);
    expect(db.prepare("SELECT count(*) AS n FROM assessments WHERE status = 'locked'").get()).toEqual({ n: 0 });
    db.exec(REPLACE_AUDIT);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = 'Mallory'").get()).toEqual({ n: 1 });
  });

  it('is refused now, by id, by uid and through UPDATE OR REPLACE, leaving every row as it was', () => {
    const db = demoAt(LATEST_VERSION);
    const before = dumpTables(db);
    expect(() => db.exec(REPLACE_LOCKED)).toThrow(/locked assessment/);
    const locked = db.prepare("SELECT uid FROM assessments WHERE status = 'locked'").get() as { uid: string };
    const draft = db.prepare("SELECT id FROM assessments WHERE status = 'draft'").get() as { id: number };
    expect(() =>
      db.prepare("INSERT OR REPLACE INTO assessments (uid, authority_id, title, as_of, frameworks, methodology, methodology_version, created_at, updated_at) SELECT ?, authority_id, 'Forged', as_of, frameworks, methodology, methodology_version, created_at, updated_at FROM assessments WHERE id = ?").run(locked.uid, draft.id),
    ).toThrow(/locked assessment/);
    expect(() => db.prepare('UPDATE OR REPLACE assessments SET uid = ? WHERE id = ?').run(locked.uid, draft.id)).toThrow(/locked assessment/);
    expect(() => db.exec(REPLACE_AUDIT)).toThrow(/append-only/);
    expect(dumpTables(db)).toEqual(before);
  });
});

describe('opening a file that is not a register changes nothing', () => {
  it('stamps new registers with the application id', () => {
    const register = temp.open();
    expect(register.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it("refuses another program's database that announces its own application id, byte for byte unchanged", () => {
    const file = temp.path();
    const other = temp.raw(file);
    other.pragma('application_id = 42');
    other.pragma('user_version = 2');
    other.close();
    const before = readFileSync(file);
    expect(refusedCode(() => openRegister(file))).toBe('not_a_register');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses an empty file without writing a schema into it', () => {
    const file = temp.path();
    writeFileSync(file, '');
    expect(() => openRegister(file)).toThrow(/empty file/);
    expect(readFileSync(file).length).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a read-only register with a clear message and leaves it as it was (no switch to WAL)', () => {
    const file = temp.path();
    const register = openRegister(file);
    createAuthority(register, { name: 'Kept', country: '', level: 'national', notes: '' });
    register.db.pragma('journal_mode = DELETE');
    closeRegister(register);
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    expect(refusedCode(() => openRegister(file))).toBe('read_only');
    expect(() => openRegister(file)).toThrow(/read-only/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    chmodSync(file, 0o644);
  });

  it('refuses a folder', () => {
    const dir = join(temp.dir(), 'folder.sqlite');
    mkdirSync(dir);
    expect(() => openRegister(dir)).toThrow(/is a folder/);
  });
});

describe('a damaged register is refused on open, with how to restore it', () => {
  it('runs quick_check and names the backup as the way out', () => {
    const file = temp.path();
    const register = openRegister(file);
    createDemo(register);
    register.db.pragma('journal_mode = DELETE');
    closeRegister(register);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the second half of the file, past the schema page: b-tree pages become garbage.
    for (let at = pageSize * 2 + 8; at < bytes.length; at += 97) bytes[at] = 0xa5;
    writeFileSync(file, bytes);
    let caught: unknown;
    try {
      openRegister(file);
    } catch (error) {
      caught = error;
    }
    expect((caught as RegisterError).code).toBe('corrupt');
    expect((caught as RegisterError).message).toMatch(/backup/i);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('a busy register', () => {
  it('makes a write wait, then fail with a one-line message and nothing written', () => {
    const file = temp.path();
    const register = temp.open({ busyTimeoutMs: 50 }, file);
    const other = temp.raw(file);
    other.exec('BEGIN IMMEDIATE');
    let caught: unknown;
    try {
      createAuthority(register, { name: 'Waiting', country: '', level: 'national', notes: '' });
    } catch (error) {
      caught = error;
    }
    other.exec('ROLLBACK');
    expect((caught as RegisterError).code).toBe('busy');
    expect((caught as RegisterError).message).not.toContain('\n');
    expect(listAuthorities(register)).toEqual([]);
    // Once the other writer is gone the same write goes through.
    createAuthority(register, { name: 'Waiting', country: '', level: 'national', notes: '' });
    expect(listAuthorities(register)).toHaveLength(1);
  });
});

describe('WAL checkpoint after writes go idle', () => {
  it('lets a copy of the .sqlite file alone, taken while the register is open, hold every committed row', async () => {
    const file = temp.path();
    const register = temp.open({ checkpointDelayMs: 20 }, file);
    createAuthority(register, { name: 'Copied', country: '', level: 'national', notes: '' });
    createAuthority(register, { name: 'Copied too', country: '', level: 'national', notes: '' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const copy = join(temp.dir(), 'copy.sqlite');
    copyFileSync(file, copy);
    const db = temp.raw(copy);
    expect(db.prepare('SELECT name FROM authorities ORDER BY name').all()).toEqual([{ name: 'Copied' }, { name: 'Copied too' }]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 2 });
    expect(verifyAudit(register).ok).toBe(true);
  });
});
