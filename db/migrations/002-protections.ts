import type { Database } from 'better-sqlite3';

const LOCKED = "'locked assessment: it can never change; clone it to start a new draft'";
const APPEND_ONLY = "'the audit log is append-only'";

function lockedWhen(table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', row: 'NEW' | 'OLD'): string {
  return `
    CREATE TRIGGER ${table}_locked_${event.toLowerCase()}_${row.toLowerCase()} BEFORE ${event} ON ${table}
    WHEN (SELECT status FROM assessments WHERE id = ${row}.assessment_id) = 'locked'
    BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;`;
}

/**
 * The database itself refuses to change a locked assessment or its inputs, and
 * to rewrite the audit log, whatever program writes to the file.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TRIGGER assessments_locked_update BEFORE UPDATE ON assessments
    WHEN OLD.status = 'locked'
    BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;

    CREATE TRIGGER assessments_locked_delete BEFORE DELETE ON assessments
    WHEN OLD.status = 'locked'
    BEGIN SELECT RAISE(ABORT, ${LOCKED}); END;

    ${['criterion_inputs', 'chain_cells']
      .map((table) =>
        [lockedWhen(table, 'INSERT', 'NEW'), lockedWhen(table, 'UPDATE', 'OLD'), lockedWhen(table, 'UPDATE', 'NEW'), lockedWhen(table, 'DELETE', 'OLD')].join('\n'),
      )
      .join('\n')}

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, ${APPEND_ONLY}); END;

    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, ${APPEND_ONLY}); END;
  `);
}
