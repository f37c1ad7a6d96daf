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

/**
 * Records of a file, a piece at a time: their fields as text and the line
 * (CSV) or row (XLSX) each came from. `suspect` is set when the piece holds
 * U+FFFD, the mark of bytes that were not UTF-8, so only such pieces are
 * searched record by record.
 */
export interface SourceBatch {
  records: string[][];
  lines: number[];
  suspect: boolean;
}

/**
 * A permit file read as batches of records, whatever its format. `batches`
 * throws ImportRefused (file, line, reason) when the file itself is broken.
 */
export interface FileRecords {
  batches: AsyncGenerator<SourceBatch>;
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
