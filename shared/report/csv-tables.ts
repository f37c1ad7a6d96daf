import { toCsv } from './csv.js';
import type { ReportTableId } from './formats.js';
import type { ReportData } from './report-data.js';
import { reportTables } from './tables.js';

/** One named table of a report as a CSV file (BOM, CRLF, formula-injection safe), in the report language. */
export function reportTableCsv(data: ReportData, table: ReportTableId, language: string): string {
  const { headers, rows } = reportTables(data, language)[table];
  return toCsv(headers, rows);
}
