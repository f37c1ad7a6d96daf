import type { Database } from 'better-sqlite3';
import type { PermitFormat } from '../../shared/permits/summaries.js';

/** The index on each record table that a large import builds once at its end rather than row by row. */
const IMPORT_INDEXES: Partial<Record<PermitFormat, { table: string; index: string }>> = {
  'trade-db': { table: 'trade_records', index: 'trade_records_import' },
  register: { table: 'register_permits', index: 'register_permits_import' },
};

/** Below this many expected rows, keeping the index up to date costs less than rebuilding it. */
const MIN_ROWS = 10_000;
/** A conservative guess at the bytes per row of either format, to expect rows from file sizes. */
const BYTES_PER_ROW = 128;

/**
 * For an import that adds at least as many rows as the table holds, drops the
 * table's import index and returns the statement that builds it again (run
 * before COMMIT, in the same transaction: a rollback brings the old index back).
 * Building an index once over sorted keys is cheaper than updating it for every
 * row; for a small import into a large table it is not, and nothing is dropped.
 */
export function deferImportIndex(db: Database, format: PermitFormat, bytesTotal: number): (() => void) | null {
  const target = IMPORT_INDEXES[format];
  if (!target) return null;
  const expected = bytesTotal / BYTES_PER_ROW;
  if (expected < MIN_ROWS) return null;
  // max(rowid) is read from the end of the table, not counted: an upper bound on its rows.
  const existing = (db.prepare(`SELECT max(rowid) FROM ${target.table}`).pluck().get() as number | null) ?? 0;
  if (existing > expected) return null;
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(target.index) as string | undefined;
  if (!sql) return null;
  db.exec(`DROP INDEX ${target.index}`);
  return () => db.exec(sql);
}
