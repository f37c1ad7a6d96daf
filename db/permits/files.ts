import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RegisterError } from '../errors.js';
import { csvRecords } from './csv-records.js';
import type { FileRecords } from './file-records.js';
import { xlsxRecords } from './xlsx-records.js';

/** The file kinds an import reads: CSV, or an XLSX workbook's first worksheet. */
const READABLE = /\.(csv|xlsx)$/i;

export function isXlsxName(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/**
 * Files and folders to the list of files they mean: a folder gives its .csv
 * and .xlsx files, in name order. Spreadsheet lock files (~$name.xlsx, left
 * while Excel has a workbook open) are no data and are left out. `field`
 * names the input in error messages.
 */
export function expandImportPaths(paths: readonly string[], field = 'paths'): string[] {
  if (paths.length === 0) throw new RegisterError('invalid', `${field}: give at least one file or folder`);
  const files: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new RegisterError('not_found', `${field}: no file or folder at ${path}`);
    }
    if (stat.isDirectory()) {
      const inside = readdirSync(path)
        .filter((name) => READABLE.test(name) && !name.startsWith('~$'))
        .sort();
      if (inside.length === 0) throw new RegisterError('invalid', `${field}: the folder ${path} holds no .csv or .xlsx file`);
      files.push(...inside.map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

export function fileLabel(path: string): string {
  return basename(path);
}

/** Reads a file as records: by its name, an XLSX workbook or a CSV file. */
export function fileRecords(path: string): FileRecords {
  return isXlsxName(path) ? xlsxRecords(path, fileLabel(path)) : csvRecords(path, fileLabel(path));
}
