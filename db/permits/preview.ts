import type { ColumnPreview } from '../../shared/permits/summaries.js';
import { RegisterError } from '../errors.js';
import { ImportRefused } from './file-records.js';
import { expandImportPaths, fileLabel, fileRecords } from './files.js';
import { checkHeader, NOT_UTF8 } from './import.js';

export type { ColumnPreview } from '../../shared/permits/summaries.js';

export const PREVIEW_ROWS = 5;

/**
 * The header and first rows of a permit file (CSV or XLSX; a folder's first
 * file), read as the import reads them, so the user maps the columns the
 * import will see. A broken file is refused as the import would refuse it.
 */
export async function previewPermitFile(path: string, rowCount = PREVIEW_ROWS): Promise<ColumnPreview> {
  const [file] = expandImportPaths([path], 'path');
  const name = fileLabel(file!);
  const records = fileRecords(file!);
  let columns: string[] | null = null;
  const rows: string[][] = [];
  try {
    reading: for await (const batch of records.batches) {
      for (let i = 0; i < batch.records.length; i += 1) {
        const record = batch.records[i]!;
        const line = batch.lines[i]!;
        if (batch.suspect && record.some((field) => field.includes('\uFFFD'))) throw new ImportRefused(name, line, NOT_UTF8);
        if (!columns) columns = checkHeader(name, line, record, []);
        else rows.push(columns.map((_, c) => record[c] ?? ''));
        if (rows.length >= rowCount) break reading;
      }
    }
  } catch (error) {
    if (error instanceof ImportRefused) throw new RegisterError('invalid', `path: ${error.file}, line ${error.line}: ${error.reason}`);
    throw error;
  } finally {
    records.close();
  }
  if (!columns) throw new RegisterError('invalid', `path: ${name} is empty (no header line)`);
  return { file: name, columns, rows };
}
