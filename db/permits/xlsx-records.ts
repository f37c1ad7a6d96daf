import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import type ExcelJS from 'exceljs';
import { RegisterError } from '../errors.js';
import { ImportRefused, MAX_RECORD_BYTES, readFailure, type FileRecords, type SourceBatch } from './file-records.js';

/**
 * The first worksheet of an XLSX workbook as records, streamed (exceljs's
 * WorkbookReader): a register of a hundred thousand rows is never held whole.
 * A record's line is the spreadsheet's row number, as Excel shows it. Rows
 * with no value at all are skipped, like empty lines of a CSV file; rows
 * are padded with empty fields to the width of the first (the header).
 */
export function xlsxRecords(path: string, name: string): FileRecords {
  let size = 0;
  const hash = createHash('sha256');
  // Every byte the workbook reader takes passes here: counted for the progress bar, hashed for the digest.
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('error', (error) => counted.destroy(error));
  input.pipe(counted);

  let started = false;
  async function* batches(): AsyncGenerator<SourceBatch> {
    started = true;
    let lastRow = 0;
    let width = 0;
    let sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader> | null = null;
    let rows: AsyncIterator<ExcelJS.Row> | null = null;
    let finished = false;
    try {
      refuseNonZip(path, name);
      // Loaded only when a workbook is read: exceljs takes about a quarter of a second to load,
      // which every import (a worker started afresh) paid even for CSV files.
      const { default: Excel } = await import('exceljs');
      const reader = new Excel.stream.xlsx.WorkbookReader(counted, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
      sheets = reader[Symbol.asyncIterator]();
      const first = await sheets.next();
      if (first.done) throw new ImportRefused(name, 0, 'the workbook has no worksheet');
      rows = first.value[Symbol.asyncIterator]();
      for (let next = await rows.next(); !next.done; next = await rows.next()) {
        const row = next.value;
        lastRow = row.number;
        const record = rowTexts(row);
        if (record.every((field) => field === '')) continue;
        if (record.reduce((sum, field) => sum + field.length, 0) > MAX_RECORD_BYTES) throw new ImportRefused(name, row.number, `a row is larger than ${MAX_RECORD_BYTES / 1024} KB`);
        // A sheet stores no empty trailing cells: a row is as wide as the header unless it holds values beyond it.
        if (width === 0) width = record.length;
        while (record.length < width) record.push('');
        yield { records: [record], lines: [row.number], suspect: true };
      }
      rows = null;
      // Only the first worksheet is the register; the others (notes, lookups) are read through unused.
      await readToEnd(null, sheets);
      finished = true;
    } catch (error) {
      if (error instanceof RegisterError) throw error;
      const failure = readFailure(name, error);
      if (failure instanceof RegisterError) throw failure;
      throw new ImportRefused(name, lastRow + 1, `the workbook is damaged and cannot be read (${(error as Error).message})`);
    } finally {
      // Stopped early (a refusal, a cancel, a preview that has seen enough): finish reading in the
      // background, because exceljs parks worksheets stored before the shared strings in temporary
      // files and removes each only once it has been read to the end.
      if (!finished && sheets) readToEnd(rows, sheets).catch(() => input.destroy());
      else if (!finished) input.destroy();
    }
  }

  return {
    batches: batches(),
    bytesRead: () => size,
    // Asked for once the batches are read to the end, when every byte has passed.
    digest: async () => ({ sha256: hash.digest('hex'), size }),
    close: () => {
      if (!started) input.destroy();
    },
  };
}

/** Reads the rest of a worksheet's rows and every worksheet after it, discarding them. */
async function readToEnd(rows: AsyncIterator<ExcelJS.Row> | null, sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>): Promise<void> {
  if (rows) while (!(await rows.next()).done);
  for (let sheet = await sheets.next(); !sheet.done; sheet = await sheets.next()) {
    const sheetRows = sheet.value[Symbol.asyncIterator]();
    while (!(await sheetRows.next()).done);
  }
}

/** XLSX workbooks are ZIP archives: refuse anything else before the unzipper guesses at it. */
function refuseNonZip(path: string, name: string): void {
  const head = Buffer.alloc(4);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw readFailure(name, error);
  }
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (head.readUInt32LE(0) !== 0x04034b50) throw new ImportRefused(name, 0, 'the file is named .xlsx but is not an XLSX workbook (save it from the spreadsheet program as .xlsx or .csv)');
}

/** A row's cells as text, from column A to its last cell. */
function rowTexts(row: ExcelJS.Row): string[] {
  const texts: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (texts.length < column - 1) texts.push('');
    texts[column - 1] = cellText(cell.value, cell.numFmt);
  });
  // A trailing cell holding only an empty string is no field: Excel shows nothing there.
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts;
}

/**
 * A cell as the text the row parser reads. Date cells become ISO text
 * (Excel keeps no time zone: the wall-clock time is taken as written).
 * Formulas give their cached result; an error cell (#N/A, #VALUE!) its code.
 * `numFmt` is the cell's number format, which says whether a formula's number is a date.
 */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDateTime(value, !!numFmt && showsTime(numFmt));
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue;
    // exceljs turns plain date cells into dates, but leaves a formula's result a day number.
    if (typeof result === 'number' && numFmt && isDateFormat(numFmt)) return isoDateTime(excelSerialDate(result), showsTime(numFmt));
    return cellText(result);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

/**
 * `YYYY-MM-DD` for a whole day, else `YYYY-MM-DDTHH:MM[:SS]` (to the nearest
 * second). A cell formatted with hours keeps its time even at midnight.
 */
function isoDateTime(date: Date, withTime: boolean): string {
  if (Number.isNaN(date.getTime())) return '';
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const [day, time] = [rounded.slice(0, 10), rounded.slice(11, 19)];
  if (time === '00:00:00' && !withTime) return day;
  return time.endsWith(':00') ? `${day}T${time.slice(0, 5)}` : `${day}T${time}`;
}

/** A formula's numeric result shown as a date (exceljs converts only plain date cells). */
function excelSerialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** The format's letters outside quoted text, escapes and [colour] or [$-locale] codes. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
}

/** Number formats that show a date or time: d, m, y, h or s among their codes. */
function isDateFormat(format: string): boolean {
  const codes = formatCodes(format);
  return /[dmyhs]/i.test(codes) && !/^general$/i.test(codes.trim());
}

function showsTime(format: string): boolean {
  return /h/i.test(formatCodes(format));
}
