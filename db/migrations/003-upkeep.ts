import type { Database } from 'better-sqlite3';

const LOCKED = "'locked assessment: it can never change; clone it to start a new draft'";

/** True while the authority owning this assessment is being deleted as a whole (see db/authority-delete.ts). */
const beingRemoved = (assessmentId: string) =>
  `EXISTS (SELECT 1 FROM authority_removals r JOIN assessments a ON a.authority_id = r.authority_id WHERE a.id = ${assessmentId})`;

/**
 * Register upkeep for consultants:
 * - Deleting a whole authority (the demo included) must remove its locked
 *   assessments too. A locked assessment still can never be edited or deleted
 *   alone: the delete triggers only let it go while its authority is listed in
 *   authority_removals, a marker the deletion writes and clears in the same
 *   transaction (so the table is always empty between transactions).
 * - An authority remembers when the package it came from was exported, so a
 *   newer package can update it and an older one is refused. Registers made
 *   before this learn it from the audit log's import entries.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE authority_removals (
      authority_id INTEGER PRIMARY KEY
    ) STRICT;

    ALTER TABLE authorities ADD COLUMN package_exported_at TEXT;
    UPDATE authorities SET package_exported_at = (
      SELECT json_extract(new_value, '$.exportedAt') FROM audit_log
      WHERE entity = 'authority' AND action = 'import' AND entity_id = authorities.uid AND field IS NULL
      ORDER BY id DESC LIMIT 1
    );

    DROP TRIGGER assessments_locked_delete;
    CREATE TRIGGER assessments_locked_delete BEFORE DELETE ON assessments
    WHEN OLD.status = 'locked' AND NOT EXISTS (SELECT 1 FROM authority_removals WHERE authority_id = OLD.authority_id)
    BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;

    ${['criterion_inputs', 'chain_cells']
      .map(
        (table) => `
    DROP TRIGGER ${table}_locked_delete_old;
    CREATE TRIGGER ${table}_locked_delete_old BEFORE DELETE ON ${table}
    WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'locked' AND NOT ${beingRemoved('OLD.assessment_id')}
    BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;`,
      )
      .join('\n')}
  `);
}
