import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { RegisterError } from '../errors.js';
import { ImportRefused, MAX_RECORD_BYTES, readFailure, type FileRecords, type SourceRecord } from './file-records.js';

/**
 * A CSV file as records, read in 1 MB pieces. A record's line is the physical
 * line it starts on (a quoted field may span lines), so rejects point where
 * a text editor shows them.
 */
export function csvRecords(path: string, name: string): FileRecords {
  const hash = createHash('sha256');
  let size = 0;
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => {
    hash.update(chunk as Buffer);
    size += chunk.length;
  });
  const parser = parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  pipeline(input, parser, () => undefined);

  async function* records(): AsyncGenerator<SourceRecord> {
    let lastLine = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const line = lastLine + 1;
        lastLine = info.lines;
        yield { record, line };
      }
    } catch (error) {
      if (error instanceof RegisterError) throw error;
      if (error instanceof CsvError) {
        const reason =
          error.code === 'CSV_MAX_RECORD_SIZE' ? `a record is larger than ${MAX_RECORD_BYTES / 1024} KB (a broken quote or not a CSV file)` : error.message.replace(/\s*at line \d+.*$/s, '');
        // csv-parse reads ahead of the records handed out here, so its own line counter is the one to trust.
        throw new ImportRefused(name, (error as unknown as { lines?: number }).lines ?? lastLine + 1, reason);
      }
      throw readFailure(name, error);
    }
  }

  return {
    records: records(),
    bytesRead: () => size,
    digest: async () => ({ sha256: hash.digest('hex'), size }),
    close: () => input.destroy(),
  };
}
