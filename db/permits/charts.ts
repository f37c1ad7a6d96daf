import { compareStrings } from '../../shared/domain/compare.js';
import type { SourceCount } from '../../shared/permits/charts.js';
import type { Register } from '../register.js';

/**
 * Counts exporter-reported trade lines per year and source code, optionally
 * for one exporter and taxa whose name contains the given text (any case).
 * Importer reports are left out: they describe the same shipments again.
 * Counting is left to SQLite so a million lines never travel to JavaScript;
 * the shares are computed from these counts in shared/permits/charts.ts.
 */
export function tradeSourceCounts(register: Register, authorityId: number, filter: { exporter?: string | undefined; taxon?: string | undefined }): SourceCount[] {
  const where = ["i.authority_id = ?", "t.reporter = 'E'"];
  const params: Array<string | number> = [authorityId];
  if (filter.exporter) {
    where.push('t.exporter = ?');
    params.push(filter.exporter);
  }
  if (filter.taxon) {
    where.push('instr(lower(t.taxon), lower(?)) > 0');
    params.push(filter.taxon);
  }
  return register.db
    .prepare(
      `SELECT t.year AS year, t.source AS source, count(*) AS lines FROM trade_records t JOIN permit_imports i ON i.id = t.import_id
       WHERE ${where.join(' AND ')} GROUP BY t.year, t.source ORDER BY t.year, t.source`,
    )
    .all(...params) as SourceCount[];
}

/** Every exporter with exporter-reported lines, sorted, for the chart's filter. */
export function tradeExporters(register: Register, authorityId: number): string[] {
  const rows = register.db
    .prepare(`SELECT DISTINCT t.exporter AS exporter FROM trade_records t JOIN permit_imports i ON i.id = t.import_id WHERE i.authority_id = ? AND t.reporter = 'E' AND t.exporter <> ''`)
    .all(authorityId) as Array<{ exporter: string }>;
  return rows.map((r) => r.exporter).sort(compareStrings);
}
