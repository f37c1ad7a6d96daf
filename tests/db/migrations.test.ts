import type Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RegisterError } from '../../db/errors.js';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index.js';
import { openRegister } from '../../db/register.js';
import { APPLICATION_ID, up as trust } from '../../db/migrations/006-trust.js';
import { tableNames, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

const V1_TABLES = ['assessments', 'audit_log', 'chain_cells', 'controls', 'criterion_inputs', 'evidence', 'evidence_files', 'frameworks', 'settings', 'authorities'].sort();

/** Found by name, never by number: parallel migrations are renumbered when branches merge. */
function versionOf(name: string): number {
  const migration = MIGRATIONS.find((m) => m.name === name);
  if (!migration) throw new Error(`no migration named "${name}"`);
  return migration.version;
}
const ACTIONS_COMMENTS = versionOf('action plans and comment threads');

/** Each migration has its own test below; adding a migration without one fails here. */
const PERMIT_TABLES = ['permit_imports', 'permit_rejects', 'trade_records', 'register_permits', 'permit_quotas', 'permit_mapping_profiles', 'permit_pseudonym_keys', 'permit_analyses', 'permit_flags', 'permit_flagged_days', 'permit_handled_days'];

/** The upkeep and permit-data migrations' numbers are given when parallel work is merged: found by name, not hard-coded. */
const UPKEEP = MIGRATIONS.find((m) => m.name.startsWith('register upkeep'))!.version;
const PERMITS_VERSION = MIGRATIONS.find((m) => m.name === 'permit data')!.version;
const TRUST_VERSION = MIGRATIONS.find((m) => m.up === trust)!.version;
const TESTED_VERSIONS = [1, 2, UPKEEP, ACTIONS_COMMENTS, PERMITS_VERSION, TRUST_VERSION].sort((a, b) => a - b);

/** Every table of the latest schema: v1's, upkeep's marker of authorities being deleted, the action and comment tables, the permit data, the trust list. */
const LATEST_TABLES = [...V1_TABLES, 'authority_removals', 'actions', 'comments', ...PERMIT_TABLES, 'trusted_keys'].sort();

function columns(db: Database.Database, table: string): Array<{ name: string; type: string; notnull: number; pk: number }> {
  return db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as Array<{ name: string; type: string; notnull: number; pk: number }>;
}

function schemaShape(db: Database.Database): Map<string, Map<string, string>> {
  return new Map(tableNames(db).map((table) => [table, new Map(columns(db, table).map((c) => [c.name, c.type]))]));
}

function triggerNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
}

function dbAt(version: number): Database.Database {
  const db = temp.raw();
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  expect(schemaVersion(db)).toBe(version);
  return db;
}

/** Inserts one authority with a locked and a draft assessment, inputs, cells and two audit rows, in raw SQL. */
function insertV1Data(db: Database.Database): void {
  db.exec(`
    INSERT INTO settings (key, value) VALUES ('actor', 'Migration Tester');
    INSERT INTO authorities (id, uid, name, country, level, notes, created_at, updated_at)
      VALUES (1, 'auth-1', 'Old Authority', 'Oldland', 'national', '', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    INSERT INTO controls (id, uid, authority_id, family, title, maturity, created_at, updated_at)
      VALUES (1, 'ctl-1', 1, 'vetting', 'Vetting', 3, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    INSERT INTO evidence (id, uid, control_id, title, date, file_name, file_sha256, file_size, created_at)
      VALUES (1, 'ev-1', 1, 'Log', '2025-01-02', 'log.pdf', '${'a'.repeat(64)}', 3, '2025-01-02T00:00:00.000Z');
    INSERT INTO evidence_files (evidence_id, content) VALUES (1, x'010203');
    INSERT INTO assessments (id, uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, created_at, updated_at, snapshot, digest)
      VALUES (1, 'locked-1', 1, 'Locked one', '2025-06-30', 'locked', '["uncac-7-12"]', 'PI-1', '1.0.0', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '{}', '${'b'.repeat(64)}');
    INSERT INTO assessments (id, uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, created_at, updated_at)
      VALUES (2, 'draft-1', 1, 'Draft one', '2025-06-30', 'draft', '["uncac-7-12"]', 'PI-1', '1.0.0', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    INSERT INTO criterion_inputs (assessment_id, criterion_id, override_maturity, override_justification, notes) VALUES (1, '7.1(a)', 2, 'because', 'n1');
    INSERT INTO criterion_inputs (assessment_id, criterion_id, notes) VALUES (2, '7.1(a)', 'n2');
    INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) VALUES (1, 'permit_issuance', 'bribery', 5, 5);
    INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) VALUES (2, 'permit_issuance', 'bribery', 4, 4);
    INSERT INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, hash) VALUES (1, '2025-01-01T00:00:00.000Z', 'a', 'create', 'authority', 'auth-1', '0', 'h1');
    INSERT INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, hash) VALUES (2, '2025-01-01T00:00:00.000Z', 'a', 'create', 'control', 'ctl-1', 'h1', 'h2');
  `);
}

describe('migrations', () => {
  it('are numbered 1..N without gaps, and every one has its own test here', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(TESTED_VERSIONS);
  });

  it('v1 (initial tables): creates every register table, STRICT, on an empty database', () => {
    const db = dbAt(0);
    expect(tableNames(db)).toEqual([]);
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(V1_TABLES);
    for (const table of V1_TABLES) {
      const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
      expect(sql, table).toMatch(/\)\s*STRICT\s*$/);
    }
    // The tables take data, and the CHECKs refuse bad rows.
    insertV1Data(db);
    expect(() => db.prepare("UPDATE controls SET maturity = 5 WHERE id = 1").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO assessments (uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, created_at, updated_at) VALUES ('x', 1, 't', '2025-01-01', 'locked', '[]', 'PI-1', '1', 'n', 'n')").run()).toThrow(
      /CHECK constraint/,
    );
    expect(triggerNames(db)).toEqual([]);
  });

  it('v2 (lock and audit protections): keeps v1 data and then refuses changes to locked assessments and to the audit log', () => {
    const db = dbAt(1);
    insertV1Data(db);
    // Before v2 nothing stops a rewrite (this is what v2 is for).
    db.prepare("UPDATE assessments SET notes = 'pre-v2 edit' WHERE id = 1").run();
    const before = {
      authorities: db.prepare('SELECT * FROM authorities').all(),
      controls: db.prepare('SELECT * FROM controls').all(),
      evidence: db.prepare('SELECT * FROM evidence').all(),
      files: db.prepare('SELECT * FROM evidence_files').all(),
      assessments: db.prepare('SELECT * FROM assessments ORDER BY id').all(),
      inputs: db.prepare('SELECT * FROM criterion_inputs ORDER BY assessment_id').all(),
      cells: db.prepare('SELECT * FROM chain_cells ORDER BY assessment_id').all(),
      audit: db.prepare('SELECT * FROM audit_log ORDER BY id').all(),
      settings: db.prepare('SELECT * FROM settings').all(),
    };

    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);

    expect(db.prepare('SELECT * FROM authorities').all()).toEqual(before.authorities);
    expect(db.prepare('SELECT * FROM controls').all()).toEqual(before.controls);
    expect(db.prepare('SELECT * FROM evidence').all()).toEqual(before.evidence);
    expect(db.prepare('SELECT * FROM evidence_files').all()).toEqual(before.files);
    expect(db.prepare('SELECT * FROM assessments ORDER BY id').all()).toEqual(before.assessments);
    expect(db.prepare('SELECT * FROM criterion_inputs ORDER BY assessment_id').all()).toEqual(before.inputs);
    expect(db.prepare('SELECT * FROM chain_cells ORDER BY assessment_id').all()).toEqual(before.cells);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before.audit);
    expect(db.prepare('SELECT * FROM settings').all()).toEqual(before.settings);

    const locked = /locked assessment/;
    expect(() => db.prepare("UPDATE assessments SET notes = 'post-v2 edit' WHERE id = 1").run()).toThrow(locked);
    expect(() => db.prepare('DELETE FROM assessments WHERE id = 1').run()).toThrow(locked);
    expect(() => db.prepare("UPDATE criterion_inputs SET notes = 'x' WHERE assessment_id = 1").run()).toThrow(locked);
    expect(() => db.prepare('DELETE FROM criterion_inputs WHERE assessment_id = 1').run()).toThrow(locked);
    expect(() => db.prepare("INSERT INTO criterion_inputs (assessment_id, criterion_id, notes) VALUES (1, '7.1(b)', '')").run()).toThrow(locked);
    expect(() => db.prepare('UPDATE chain_cells SET likelihood = 1 WHERE assessment_id = 1').run()).toThrow(locked);
    expect(() => db.prepare('DELETE FROM chain_cells WHERE assessment_id = 1').run()).toThrow(locked);
    expect(() => db.prepare("INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) VALUES (1, 'permit_issuance', 'concealment', 1, 1)").run()).toThrow(locked);
    // Moving a draft's input into the locked assessment is refused too.
    expect(() => db.prepare('UPDATE criterion_inputs SET assessment_id = 1 WHERE assessment_id = 2').run()).toThrow(locked);
    // Deleting the authority would cascade into the locked assessment.
    expect(() => db.prepare('DELETE FROM authorities WHERE id = 1').run()).toThrow(locked);

    const appendOnly = /append-only/;
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 1").run()).toThrow(appendOnly);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(appendOnly);

    // The locked rows are exactly as before every refused statement.
    expect(db.prepare('SELECT * FROM assessments ORDER BY id').all()).toEqual(before.assessments);
    expect(db.prepare('SELECT * FROM criterion_inputs ORDER BY assessment_id').all()).toEqual(before.inputs);
    expect(db.prepare('SELECT * FROM chain_cells ORDER BY assessment_id').all()).toEqual(before.cells);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before.audit);

    // Drafts and appends still work.
    db.prepare("UPDATE assessments SET notes = 'fine' WHERE id = 2").run();
    db.prepare("UPDATE criterion_inputs SET notes = 'fine' WHERE assessment_id = 2").run();
    db.prepare('UPDATE chain_cells SET likelihood = 1 WHERE assessment_id = 2').run();
    db.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, prev_hash, hash) VALUES ('t', 'a', 'update', 'assessment', 'draft-1', 'h2', 'h3')").run();
    expect(db.prepare('SELECT notes FROM assessments WHERE id = 2').get()).toEqual({ notes: 'fine' });
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(3);
    db.prepare('DELETE FROM assessments WHERE id = 2').run();
    expect((db.prepare('SELECT count(*) AS n FROM assessments').get() as { n: number }).n).toBe(1);
  });

  it('permit data: adds the permit tables, STRICT, keeping locked snapshots and their digests byte for byte', () => {
    const db = dbAt(1);
    insertV1Data(db);
    migrate(db, PERMITS_VERSION - 1);
    const locked = () => db.prepare('SELECT id, snapshot, digest, status FROM assessments ORDER BY id').all();
    const before = locked();
    migrate(db, PERMITS_VERSION);
    expect(locked()).toEqual(before);
    for (const table of PERMIT_TABLES) {
      expect(tableNames(db)).toContain(table);
      expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string }).sql).toMatch(/STRICT$/);
    }
    // Counts that do not add up cannot be stored.
    db.prepare("INSERT INTO authorities (id, uid, name, created_at, updated_at) VALUES (9, 'a9', 'A', 't', 't')").run();
    expect(() => db.prepare("INSERT INTO permit_imports (uid, authority_id, format, files, pseudonymised, rows_read, rows_stored, rows_rejected, imported_at) VALUES ('i', 9, 'trade-db', '[]', 0, 3, 1, 1, 't')").run()).toThrow(/CHECK/);
  });

  it('trust (REPLACE guards, actors, signatures, trust list): keeps v2 data, stamps the application id, and refuses REPLACE over a locked row or an audit row', () => {
    const db = dbAt(1);
    insertV1Data(db);
    migrate(db, TRUST_VERSION - 1);
    const assessmentsBefore = db.prepare('SELECT * FROM assessments ORDER BY id').all();
    // Before this migration REPLACE slips past the DELETE triggers.
    db.prepare("INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, hash) VALUES (2, 't', 'mallory', 'create', 'control', 'ctl-1', 'h1', 'h2')").run();
    migrate(db, TRUST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const kept = db.prepare('SELECT * FROM assessments ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(kept.map(({ submitted_by, reviewed_by, locked_by, signature, signer_key, signer_name, lock_head, ...rest }) => rest)).toEqual(assessmentsBefore);
    expect(kept.every((row) => row.signature === null && row.locked_by === null)).toBe(true);
    expect(() => db.prepare("INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, hash) VALUES (2, 't', 'eve', 'create', 'control', 'ctl-1', 'h1', 'h2')").run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT OR REPLACE INTO assessments (id, uid, authority_id, title, as_of, frameworks, methodology, methodology_version, created_at, updated_at) VALUES (1, 'locked-1', 1, 'Forged', '2025-06-30', '[]', 'PI-1', '1', 'n', 'n')").run(),
    ).toThrow(/locked assessment/);
    expect(() => db.prepare("UPDATE OR REPLACE assessments SET uid = 'locked-1' WHERE id = 2").run()).toThrow(/locked assessment/);
    expect(db.prepare('SELECT * FROM assessments ORDER BY id').all()).toEqual(kept);
    // Drafts are still replaceable by their own kind of change: a new row with a fresh uid goes in.
    db.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, prev_hash, hash) VALUES ('t', 'a', 'update', 'assessment', 'draft-1', 'h2', 'h3')").run();
  });

  it('migrating in one go and one step at a time give the same schema', () => {
    const stepwise = dbAt(0);
    for (const m of MIGRATIONS) migrate(stepwise, m.version);
    const direct = dbAt(LATEST_VERSION);
    const sql = (db: Database.Database) => db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all();
    expect(sql(stepwise)).toEqual(sql(direct));
    expect(schemaVersion(stepwise)).toBe(LATEST_VERSION);
  });

  it('migrating an up-to-date database again changes nothing', () => {
    const db = dbAt(LATEST_VERSION);
    const sql = () => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    const before = sql();
    migrate(db);
    expect(sql()).toEqual(before);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  describe('are additive only: every table and column present before a migration is still there after it', () => {
    for (const migration of MIGRATIONS) {
      it(`v${migration.version} (${migration.name})`, () => {
        const db = dbAt(migration.version - 1);
        const before = schemaShape(db);
        const objects = () => (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
        const objectsBefore = objects();
        migrate(db, migration.version);
        const after = schemaShape(db);
        for (const [table, cols] of before) {
          expect(after.has(table), `table ${table} dropped by v${migration.version}`).toBe(true);
          for (const [column, type] of cols) {
            expect(after.get(table)!.get(column), `${table}.${column} dropped or retyped by v${migration.version}`).toBe(type);
          }
        }
        // The migration added something (a migration that changes nothing is a mistake too).
        expect(objects()).toBeGreaterThan(objectsBefore);
      });
    }
  });

  it('a failing migration rolls back entirely and leaves user_version where it was', () => {
    const db = dbAt(1);
    // A pre-existing object with the name v2 wants makes v2 fail half-way.
    db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;");
    expect(() => migrate(db, 2)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(triggerNames(db)).toEqual(['audit_log_no_delete']);
  });
});

describe('migration: register upkeep (003-upkeep.ts)', () => {
  it('keeps v2 data, learns each imported authority\'s package date from the audit log, and lets a locked assessment go only with its whole authority', () => {
    const db = dbAt(1);
    insertV1Data(db);
    migrate(db, UPKEEP - 1);
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, new_value, prev_hash, hash) VALUES ('t', 'a', 'import', 'authority', 'auth-1', '{\"exportedAt\":\"2025-03-01T00:00:00.000Z\"}', 'h2', 'h3')",
    ).run();
    const before = db.prepare('SELECT * FROM assessments ORDER BY id').all();
    migrate(db, UPKEEP);
    expect(schemaVersion(db)).toBe(UPKEEP);
    expect(db.prepare('SELECT package_exported_at AS at FROM authorities WHERE id = 1').get()).toEqual({ at: '2025-03-01T00:00:00.000Z' });
    expect(db.prepare('SELECT * FROM assessments ORDER BY id').all()).toEqual(before);
    const locked = /locked assessment/;
    // Alone, a locked assessment and its inputs still cannot be deleted, nor the authority holding it.
    expect(() => db.prepare('DELETE FROM assessments WHERE id = 1').run()).toThrow(locked);
    expect(() => db.prepare('DELETE FROM criterion_inputs WHERE assessment_id = 1').run()).toThrow(locked);
    expect(() => db.prepare('DELETE FROM chain_cells WHERE assessment_id = 1').run()).toThrow(locked);
    expect(() => db.prepare('DELETE FROM authorities WHERE id = 1').run()).toThrow(locked);
    expect(() => db.prepare("UPDATE assessments SET notes = 'x' WHERE id = 1").run()).toThrow(locked);
    // Marked for removal, the whole authority goes, locked assessment and all.
    db.transaction(() => {
      db.prepare('INSERT INTO authority_removals (authority_id) VALUES (1)').run();
      db.prepare('DELETE FROM authorities WHERE id = 1').run();
      db.prepare('DELETE FROM authority_removals WHERE authority_id = 1').run();
    })();
    for (const table of ['authorities', 'assessments', 'criterion_inputs', 'chain_cells', 'controls', 'evidence', 'evidence_files', 'authority_removals']) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
  });
});

describe('action plans and comment threads migration', () => {
  it('keeps earlier data, adds the two tables, and closes a locked assessment\'s threads but not its plan', () => {
    const db = dbAt(1);
    insertV1Data(db);
    migrate(db, ACTIONS_COMMENTS - 1);
    const before = db.prepare('SELECT * FROM assessments ORDER BY id').all();
    migrate(db, ACTIONS_COMMENTS);
    expect(schemaVersion(db)).toBe(ACTIONS_COMMENTS);
    expect(db.prepare('SELECT * FROM assessments ORDER BY id').all()).toEqual(before);
    for (const table of ['actions', 'comments']) {
      const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;
      expect(sql, table).toMatch(/\)\s*STRICT\s*$/);
    }
    const action = (assessment: number, uid: string, status = 'open', justification = '') =>
      db
        .prepare(
          `INSERT INTO actions (uid, assessment_id, flag_key, flag_kind, severity, subject_label, title, status, justification, created_at, updated_at)
           VALUES (?, ?, 'overdue-review:control:ctl-1', 'overdue-review', 'low', 'Vetting', 'Review it', ?, ?, 't', 't')`,
        )
        .run(uid, assessment, status, justification);
    // The plan of a locked assessment is still worked on.
    action(1, 'act-1');
    db.prepare("UPDATE actions SET status = 'done' WHERE uid = 'act-1'").run();
    expect(() => action(1, 'act-2')).toThrow(/UNIQUE/);
    expect(() => action(2, 'act-3', 'accepted-risk', ' ')).toThrow(/CHECK constraint/);
    const comment = (assessment: number, uid: string) =>
      db.prepare("INSERT INTO comments (uid, assessment_id, thread_type, thread_id, author, body, created_at) VALUES (?, ?, 'criterion', '7.1(a)', 'a', 'b', 't')").run(uid, assessment);
    expect(() => comment(1, 'c-1')).toThrow(/locked assessment/);
    comment(2, 'c-2');
    expect(() => db.prepare("UPDATE comments SET body = 'rewritten' WHERE uid = 'c-2'").run()).toThrow(/never edited/);
    expect(() => db.prepare("INSERT INTO comments (uid, assessment_id, thread_type, thread_id, author, body, created_at) VALUES ('c-3', 2, 'elsewhere', '', 'a', 'b', 't')").run()).toThrow(/CHECK constraint/);
  });
});

describe('openRegister and the schema version', () => {
  it('brings a new file to LATEST_VERSION with foreign keys on and WAL', () => {
    const register = temp.open();
    expect(schemaVersion(register.db)).toBe(LATEST_VERSION);
    expect(register.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(register.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(register.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tableNames(register.db)).toEqual(LATEST_TABLES);
  });

  it('upgrades an older register in place, keeping its rows', () => {
    const file = temp.path();
    const old = temp.raw(file);
    migrate(old, 1);
    insertV1Data(old);
    old.close();
    const register = temp.open({}, file);
    expect(schemaVersion(register.db)).toBe(LATEST_VERSION);
    expect(register.db.prepare('SELECT uid FROM assessments ORDER BY id').all()).toEqual([{ uid: 'locked-1' }, { uid: 'draft-1' }]);
    expect(() => register.db.prepare("UPDATE assessments SET title = 'x' WHERE id = 1").run()).toThrow(/locked assessment/);
  });

  it(`refuses a database written by a newer version (user_version LATEST_VERSION + 1) with code 'newer_database'`, () => {
    const file = temp.path();
    const newer = temp.raw(file);
    migrate(newer, LATEST_VERSION);
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    newer.close();

    let caught: unknown;
    try {
      openRegister(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegisterError);
    expect((caught as RegisterError).code).toBe('newer_database');
    expect((caught as RegisterError).message).toMatch(/written by a newer version/);
    expect((caught as RegisterError).message).toContain(String(LATEST_VERSION + 1));

    // Nothing was migrated or downgraded.
    const check = temp.raw(file);
    expect(schemaVersion(check)).toBe(LATEST_VERSION + 1);
  });

  it("refuses another program's SQLite database instead of writing register tables into it", () => {
    const file = temp.path();
    const foreign = temp.raw(file);
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    foreign.close();
    const before = readFileSync(file);
    let caught: unknown;
    try {
      openRegister(file);
    } catch (error) {
      caught = error;
    }
    expect((caught as RegisterError).code).toBe('not_a_register');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('leaves the bytes of a refused newer database untouched (no switch to WAL)', () => {
    const file = temp.path();
    const newer = temp.raw(file);
    migrate(newer, LATEST_VERSION);
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    newer.close();
    const before = readFileSync(file);
    expect(() => openRegister(file)).toThrow(RegisterError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('migrate() itself refuses a newer database', () => {
    const db = dbAt(LATEST_VERSION);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(RegisterError);
    expect(() => migrate(db)).toThrow(/newer version/);
  });

  it("refuses a file that is not SQLite with code 'not_a_register', and a missing file with mustExist as 'not_found'", () => {
    const file = temp.path('garbage.sqlite');
    writeFileSync(file, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    const bytes = readFileSync(file);
    expect(() => openRegister(file)).toThrow(expect.objectContaining({ name: 'RegisterError', code: 'not_a_register' }));
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(() => openRegister(temp.path('missing.sqlite'), { mustExist: true })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
