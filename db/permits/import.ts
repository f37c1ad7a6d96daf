import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { REQUIRED_REGISTER_FIELDS, TRADE_COLUMNS, QUOTA_COLUMNS, type RegisterMapping } from '../../shared/permits/parse-row.js';
export type { ImportedFile, ImportProgress, ImportSummary, PermitFormat } from '../../shared/permits/summaries.js';
import type { ImportedFile, ImportProgress, ImportSummary, PermitFormat } from '../../shared/permits/summaries.js';
import { RegisterError } from '../errors.js';
import type { Register } from '../register.js';
import { expandImportPaths, fileLabel } from './files.js';
import { rowWriter, type RowWriter } from './row-writer.js';

export interface ImportRequest {
  authorityId: number;
  format: PermitFormat;
  /** Files and folders (a folder gives its .csv files). */
  paths: readonly string[];
  /** Register format only: which column holds which field. */
  mapping?: RegisterMapping;
  /** Register format only: replace officer and applicant ids with keyed pseudonyms. Default true. */
  pseudonymise?: boolean;
}

/** A file the import refused as a whole: nothing of the import was stored. */
export class ImportRefused extends RegisterError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super('invalid', `${file}, line ${line}: ${reason}; nothing was imported`);
    this.name = 'ImportRefused';
  }
}

export class ImportCancelled extends RegisterError {
  constructor() {
    super('conflict', 'import cancelled; nothing was imported');
    this.name = 'ImportCancelled';
  }
}

/** One record may not exceed this many bytes: a larger field is a broken file, not data. */
export const MAX_RECORD_BYTES = 64 * 1024;
const REJECTS_RETURNED = 100;

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
    const writer = rowWriter(register, importId, request);
    const summary: ImportSummary = { uid, format: request.format, files: [], rowsRead: 0, rowsStored: 0, rowsRejected: 0, unknownUnits: 0, rejects: [] };
    let bytesBefore = 0;
    for (const file of files) {
      summary.files.push(await importFile(file, writer, summary, { ...options, bytesBefore, bytesTotal }));
      bytesBefore += statSync(file).size;
    }
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

async function importFile(
  path: string,
  writer: RowWriter,
  summary: ImportSummary,
  options: ImportOptions & { bytesBefore: number; bytesTotal: number },
): Promise<ImportedFile> {
  const name = fileLabel(path);
  const hash = createHash('sha256');
  let size = 0;
  let rows = 0;
  let header: string[] | null = null;
  let lastLine = 0;
  let lastReport = 0;
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => {
    hash.update(chunk as Buffer);
    size += chunk.length;
  });
  const parser = parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  pipeline(input, parser, () => undefined);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = lastLine + 1;
      lastLine = info.lines;
      if (options.signal?.aborted) throw new ImportCancelled();
      if (record.some((field) => field.includes('\uFFFD'))) throw new ImportRefused(name, line, 'the text is not valid UTF-8 (save the file as UTF-8)');
      if (!header) {
        header = record.map((h) => h.trim());
        const duplicate = header.find((h, i) => header!.indexOf(h) !== i);
        if (duplicate !== undefined) throw new ImportRefused(name, line, `the header names column "${duplicate}" twice`);
        const missing = requiredColumns(writer.request, writer).filter((c) => !header!.includes(c));
        if (missing.length) throw new ImportRefused(name, line, `the header lacks column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
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
        options.onProgress({ file: name, bytesRead: options.bytesBefore + size, bytesTotal: options.bytesTotal, rowsRead: summary.rowsRead });
      }
    }
  } catch (error) {
    input.destroy();
    if (error instanceof RegisterError) throw error;
    const e = error as { code?: string; lines?: number; message?: string };
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') throw new ImportRefused(name, 0, `cannot read the file (${e.code})`);
    if (error instanceof CsvError) {
      const reason =
        error.code === 'CSV_MAX_RECORD_SIZE' ? `a record is larger than ${MAX_RECORD_BYTES / 1024} KB (a broken quote or not a CSV file)` : error.message.replace(/\s*at line \d+.*$/s, '');
      // csv-parse reads ahead of the records handed out here, so its own line counter is the one to trust.
      throw new ImportRefused(name, (error as unknown as { lines?: number }).lines ?? lastLine + 1, reason);
    }
    throw error;
  }
  if (!header) throw new ImportRefused(name, 1, 'the file is empty (no header line)');
  options.onProgress?.({ file: name, bytesRead: options.bytesBefore + size, bytesTotal: options.bytesTotal, rowsRead: summary.rowsRead });
  return { name, sha256: hash.digest('hex'), size, rows };
}
