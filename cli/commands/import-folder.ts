import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CliApi } from '../api-call.js';
import { parse } from '../args.js';
import { printJson, withApi, type Output } from '../context.js';
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

/** A refusal lists one issue per line (`$.path: message`): the first few are shown, the rest counted. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const issues = message.split('\n');
  if (issues.length === 1) return message;
  const more = issues.length - SHOWN_ISSUES;
  return `${issues.slice(0, SHOWN_ISSUES).join('; ')}${more > 0 ? `; and ${more} more issue${more === 1 ? '' : 's'}` : ''}`;
}

/**
 * Imports each package on its own: every package is validated and written in
 * its own transaction (all of it or nothing), so a bad one is reported and
 * skipped while the good ones are still imported.
 */
export async function importFolder(api: CliApi, dir: string, files: readonly string[]): Promise<FolderImportLine[]> {
  const lines: FolderImportLine[] = [];
  for (const file of files) {
    try {
      // readJsonFile names the line and column of a syntax error; drop the folder from the message.
      const data = readJsonFile(join(dir, file));
      const summary = await api('packages.import', { package: data });
      lines.push({ file, imported: true, name: summary.name, authorityId: summary.authorityId });
    } catch (error) {
      const reason = reasonOf(error).replace(`${join(dir, file)} is `, '').replace(`${join(dir, file)} `, '');
      lines.push({ file, imported: false, reason });
    }
  }
  return lines;
}

export async function importFolderCommand(argv: string[], io: Output): Promise<number> {
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
  const lines = await withApi(values, (api) => importFolder(api, dir, files), { mustExist: false });
  const refused = lines.filter((line) => !line.imported).length;
  if (values.json) {
    printJson(io, { imported: lines.length - refused, refused, packages: lines });
  } else {
    for (const line of lines) io.out(line.imported ? `imported: ${line.name} (${line.file})` : `refused: ${line.file}: ${line.reason}`);
    io.out(`${lines.length - refused} of ${lines.length} packages imported${refused ? `, ${refused} refused (nothing of a refused package was written)` : ''}.`);
  }
  return refused ? 1 : 0;
}
