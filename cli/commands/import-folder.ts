import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importPackage } from '../../db/package-import.js';
import type { Register } from '../../db/register.js';
import { PackageValidationError } from '../../shared/package/validate.js';
import { parse } from '../args.js';
import { printJson, withRegister, type Output } from '../context.js';
import { InputError } from '../errors.js';
import { readJsonFile } from '../io.js';

/** How many JSON-path issues a refused package prints; the rest are counted. */
const SHOWN_ISSUES = 3;

export interface FolderImportLine {
  file: string;
  imported: boolean;
  name?: string;
  authorityId?: number;
  reason?: string;
}

function reasonOf(error: unknown): string {
  if (error instanceof PackageValidationError) {
    const shown = error.issues.slice(0, SHOWN_ISSUES).map((issue) => `${issue.path}: ${issue.message}`);
    const more = error.issues.length - shown.length;
    return `${shown.join('; ')}${more > 0 ? `; and ${more} more issue${more === 1 ? '' : 's'}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Imports each package on its own: every package is validated and written in
 * its own transaction (all of it or nothing), so a bad one is reported and
 * skipped while the good ones are still imported.
 */
export function importFolder(register: Register, dir: string, files: readonly string[]): FolderImportLine[] {
  return files.map((file): FolderImportLine => {
    try {
      // readJsonFile names the line and column of a syntax error; drop the folder from the message.
      const data = readJsonFile(join(dir, file));
      const summary = importPackage(register, data);
      return { file, imported: true, name: summary.name, authorityId: summary.authorityId };
    } catch (error) {
      const reason = reasonOf(error).replace(`${join(dir, file)} is `, '').replace(`${join(dir, file)} `, '');
      return { file, imported: false, reason };
    }
  });
}

export function importFolderCommand(argv: string[], io: Output): number {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, actor: { type: 'string' } }, 1);
  const dir = positionals[0]!;
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`${dir} is not a folder`);
    files = readdirSync(dir)
      .filter((name) => name.toLowerCase().endsWith('.json') && statSync(join(dir, name)).isFile())
      .sort();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the folder ${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
  if (!files.length) throw new InputError(`${dir} holds no .json package`);
  const lines = withRegister(values, (register) => importFolder(register, dir, files), { mustExist: false });
  const refused = lines.filter((line) => !line.imported).length;
  if (values.json) {
    printJson(io, { imported: lines.length - refused, refused, packages: lines });
  } else {
    for (const line of lines) io.out(line.imported ? `imported: ${line.name} (${line.file})` : `refused: ${line.file}: ${line.reason}`);
    io.out(`${lines.length - refused} of ${lines.length} packages imported${refused ? `, ${refused} refused (nothing of a refused package was written)` : ''}.`);
  }
  return refused ? 1 : 0;
}
