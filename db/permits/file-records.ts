import { RegisterError } from '../errors.js';

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

/** One record may not exceed this many bytes: a larger field is a broken file, not data. */
export const MAX_RECORD_BYTES = 64 * 1024;

/** One record of a file: its fields as text and the line (CSV) or row (XLSX) it came from. */
export interface SourceRecord {
  record: string[];
  line: number;
}

/**
 * A permit file read as records, whatever its format. `records` throws
 * ImportRefused (file, line, reason) when the file itself is broken.
 */
export interface FileRecords {
  records: AsyncGenerator<SourceRecord>;
  /** Bytes of the file read so far, for the progress bar. */
  bytesRead(): number;
  /** SHA-256 and size of the whole file, once the records are read. */
  digest(): Promise<{ sha256: string; size: number }>;
  /** Stops reading (a cancel, a refusal, or a preview that has seen enough). */
  close(): void;
}

/** An operating-system error while reading, as a refusal naming the file. */
export function readFailure(name: string, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return new ImportRefused(name, 0, `cannot read the file (${code})`);
  return error;
}
