import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RegisterError } from '../errors.js';

/** Files and folders to the list of files they mean: a folder gives its *.csv files, in name order. */
export function expandImportPaths(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new RegisterError('invalid', 'paths: give at least one file or folder');
  const files: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new RegisterError('not_found', `paths: no file or folder at ${path}`);
    }
    if (stat.isDirectory()) {
      const inside = readdirSync(path).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
      if (inside.length === 0) throw new RegisterError('invalid', `paths: the folder ${path} holds no .csv file`);
      files.push(...inside.map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

export function fileLabel(path: string): string {
  return basename(path);
}
