import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { REQUIRED_REGISTER_FIELDS, TRADE_COLUMNS, QUOTA_COLUMNS, type RegisterMapping } from '../../shared/permits/parse-row.js';
export type { ImportedFile, ImportProgress, ImportSummary, PermitFormat } from '../../shared/permits/summaries.js';
export { ImportRefused, MAX_RECORD_BYTES } from './file-records.js';
import type { ImportedFile, ImportProgress, ImportSummary, PermitFormat } from '../../shared/permits/summaries.js';
import { RegisterError } from '../errors.js';
import type { Register } from '../register.js';
import { deferImportIndex } from './deferred-index.js';
import { ImportRefused } from './file-records.js';
import { expandImportPaths, fileLabel, fileRecords } from './files.js';
import { rowWriter, type RowWriter } from './row-writer.js';

export interface ImportRequest {
  authorityId: number;
  format: PermitFormat;
  /** Files and folders (a folder gives its .csv and .xlsx files); a .xlsx file is read from its first worksheet. */
  paths: readonly string[];
  /** Register format only: which column holds which field. */
  mapping?: RegisterMapping;
  /** Register format only: replace officer and applicant ids with keyed pseudonyms. Default true. */
  pseudonymise?: boolean;
}

export class ImportCancelled extends RegisterError {
  constructor() {
    super('conflict', 'import cancelled; nothing was imported');
    this.name = 'ImportCancelled';
  }
}

const REJECTS_RETURNED = 100;
export const NOT_UTF8 = 'the text is not valid UTF-8 (save the file as UTF-8)';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/**
 * Streams permit files into the register in one transaction: every row is
 * stored or rejected (file, line, reason) and the counts add up; a refused
 * file, a failure or a cancel rolls everything back. The connection must not
 * be used by anyone else while this runs (the app runs it in a worker with its
 * own connection).
 */
export async function importPermitFiles(register: Register, request: ImportRequest, options: ImportOptions = {}): Promise<ImportSummary> {
  validateRequest(request);
  const files = expandImportPaths(request.paths);
  const bytesTotal = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const db = register.db;
  db.exec('BEGIN IMMEDIATE');
  try {
    const uid = randomUUID();
    const importId = Number(
      db
        .prepare("INSERT INTO permit_imports (uid, authority_id, format, files, mapping, pseudonymised, rows_read, rows_stored, rows_rejected, imported_at) VALUES (?, ?, ?, '[]', ?, ?, 0, 0, 0, ?)")
        .run(uid, request.authorityId, request.format, request.mapping ? JSON.stringify(request.mapping) : null, request.format === 'register' && request.pseudonymise !== false ? 1 : 0, register.now())
        .lastInsertRowid,
    );
    const rebuildIndex = deferImportIndex(db, request.format, bytesTotal);
    const writer = rowWriter(register, importId, request);
    const summary: ImportSummary = { uid, format: request.format, files: [], rowsRead: 0, rowsStored: 0, rowsRejected: 0, unknownUnits: 0, rejects: [] };
    let bytesBefore = 0;
    for (const file of files) {
      summary.files.push(await importFile(file, writer, summary, { ...options, bytesBefore, bytesTotal }));
      bytesBefore += statSync(file).size;
    }
    writer.finish();
    rebuildIndex?.();
    db.prepare('UPDATE permit_imports SET files = ?, rows_read = ?, rows_stored = ?, rows_rejected = ? WHERE id = ?').run(
      JSON.stringify(summary.files), summary.rowsRead, summary.rowsStored, summary.rowsRejected, importId,
    );
    db.exec('COMMIT');
    return summary;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function validateRequest(request: ImportRequest): void {
  if (!['trade-db', 'register', 'quotas'].includes(request.format)) throw new RegisterError('invalid', `format: "${String(request.format)}" is not trade-db, register or quotas`);
  if (request.format === 'register') {
    const columns = request.mapping?.columns;
    if (!columns) throw new RegisterError('invalid', 'mapping: the register format needs a column mapping');
    const missing = REQUIRED_REGISTER_FIELDS.filter((f) => !columns[f]);
    if (missing.length) throw new RegisterError('invalid', `mapping: no column given for ${missing.join(', ')}`);
  }
}

/** The columns a file must have, checked on its header line. */
function requiredColumns(request: ImportRequest, writer: RowWriter): readonly string[] {
  if (request.format === 'trade-db') return TRADE_COLUMNS;
  if (request.format === 'quotas') return QUOTA_COLUMNS;
  return writer.mappedColumns;
}

/** Checks a header line: no column twice, every column the import needs present. */
export function checkHeader(name: string, line: number, record: readonly string[], required: readonly string[]): string[] {
  const header = record.map((h) => h.trim());
  const duplicate = header.find((h, i) => header.indexOf(h) !== i);
  if (duplicate !== undefined) throw new ImportRefused(name, line, `the header names column "${duplicate}" twice`);
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new ImportRefused(name, line, `the header lacks column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
  return header;
}

async function importFile(
  path: string,
  writer: RowWriter,
  summary: ImportSummary,
  options: ImportOptions & { bytesBefore: number; bytesTotal: number },
): Promise<ImportedFile> {
  const name = fileLabel(path);
  let rows = 0;
  let header: string[] | null = null;
  let lastReport = 0;
  const file = fileRecords(path);
  try {
    for await (const batch of file.batches) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const { records, lines } = batch;
      for (let i = 0; i < records.length; i += 1) {
        const record = records[i]!;
        const line = lines[i]!;
        if (batch.suspect && record.some((field) => field.includes('\uFFFD'))) throw new ImportRefused(name, line, NOT_UTF8);
        if (!header) {
          header = checkHeader(name, line, record, requiredColumns(writer.request, writer));
          writer.useHeader(header);
          continue;
        }
        rows += 1;
        summary.rowsRead += 1;
        const reason = record.length !== header.length ? `the row has ${record.length} fields, the header ${header.length}` : writer.write(record, line, summary);
        if (reason === null) summary.rowsStored += 1;
        else {
          summary.rowsRejected += 1;
          writer.reject(name, line, reason);
          if (summary.rejects.length < REJECTS_RETURNED) summary.rejects.push({ file: name, line, reason });
        }
        if (options.onProgress && (summary.rowsRead - lastReport >= 20_000 || summary.rowsRead === 1)) {
          lastReport = summary.rowsRead;
          options.onProgress({ file: name, bytesRead: options.bytesBefore + file.bytesRead(), bytesTotal: options.bytesTotal, rowsRead: summary.rowsRead });
        }
      }
    }
  } finally {
    file.close();
  }
  if (!header) throw new ImportRefused(name, 1, 'the file is empty (no header line)');
  const { sha256, size } = await file.digest();
  options.onProgress?.({ file: name, bytesRead: options.bytesBefore + size, bytesTotal: options.bytesTotal, rowsRead: summary.rowsRead });
  return { name, sha256, size, rows };
}
