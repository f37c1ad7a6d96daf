import type { Database } from 'better-sqlite3';

/** 'PInt' in ASCII: marks the file as a Permit Integrity register for any tool that reads SQLite headers. */
export const APPLICATION_ID = 0x50496e74;

const LOCKED = "'locked assessment: it can never change; clone it to start a new draft'";
const APPEND_ONLY = "'the audit log is append-only'";

/**
 * Closes the REPLACE hole left by 002: INSERT OR REPLACE (and UPDATE OR REPLACE)
 * delete the conflicting row without firing DELETE triggers, so a locked
 * assessment or an audit row could be swapped for a forged one. These triggers
 * refuse any new or changed row that would take the id or uid of a locked
 * assessment or the id of an audit row. It also records who did each step,
 * the lock's signature and audit head, and the consultant's trust list.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TRIGGER assessments_no_replace_locked BEFORE INSERT ON assessments
    WHEN EXISTS (SELECT 1 FROM assessments WHERE (id = NEW.id OR uid = NEW.uid) AND status = 'locked')
    BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;

    CREATE TRIGGER assessments_no_replace_locked_by_update BEFORE UPDATE OF id, uid ON assessments
    WHEN EXISTS (SELECT 1 FROM assessments WHERE (id = NEW.id OR uid = NEW.uid) AND id <> OLD.id AND status = 'locked')
    BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;

    CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
    WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, ${APPEND_ONLY}); END;

    ALTER TABLE assessments ADD COLUMN submitted_by TEXT;
    ALTER TABLE assessments ADD COLUMN reviewed_by TEXT;
    ALTER TABLE assessments ADD COLUMN locked_by TEXT;
    ALTER TABLE assessments ADD COLUMN signature TEXT;
    ALTER TABLE assessments ADD COLUMN signer_key TEXT;
    ALTER TABLE assessments ADD COLUMN signer_name TEXT;
    ALTER TABLE assessments ADD COLUMN lock_head TEXT;

    CREATE TABLE trusted_keys (
      authority_uid TEXT NOT NULL,
      public_key TEXT NOT NULL CHECK (length(public_key) = 64),
      authority_name TEXT NOT NULL,
      trusted_at TEXT NOT NULL,
      PRIMARY KEY (authority_uid, public_key)
    ) STRICT;
  `);
  db.pragma(`application_id = ${APPLICATION_ID}`);
}
