import type { ColumnPreview } from '../../shared/permits/summaries.js';
import { RegisterError } from '../errors.js';
import { ImportRefused } from './file-records.js';
import { expandImportPaths, fileLabel, fileRecords } from './files.js';
import { checkHeader } from './import.js';

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
    for await (const { record, line } of records.records) {
      if (record.some((field) => field.includes('\uFFFD'))) throw new ImportRefused(name, line, 'the text is not valid UTF-8 (save the file as UTF-8)');
      if (!columns) columns = checkHeader(name, line, record, []);
      else rows.push(columns.map((_, i) => record[i] ?? ''));
      if (rows.length >= rowCount) break;
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
