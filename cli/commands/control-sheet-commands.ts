import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CONTROL_FIELDS, guessMapping, mappingProblems, type ControlField, type ControlMapping } from '../../shared/import/control-mapping.js';
import { SHEET_LANGUAGES, type SheetLanguage } from '../../shared/import/control-sheet.js';
import { readSheet, SheetReadError } from '../../exports/sheet-read.js';
import { rejectedText } from '../../shared/import/rejected-text.js';
import { parse, requireId, requireString } from '../args.js';
import { printJson, withApi, type Output } from '../context.js';
import { InputError, UsageError } from '../errors.js';
import { plural } from '../format/plural.js';
import { writeFileAtomic } from '../io.js';

const DB = { db: { type: 'string' }, actor: { type: 'string' } } as const;

/** --map title=Name --map family=Group: a header (or a 1-based column number) per field, over the guess. */
function mappingFrom(headers: string[], maps: string[]): ControlMapping {
  const mapping = guessMapping(headers);
  for (const entry of maps) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(entry);
    if (!match || !(CONTROL_FIELDS as readonly string[]).includes(match[1]!)) {
      throw new UsageError(`--map "${entry}": write FIELD=HEADER, FIELD one of ${CONTROL_FIELDS.join(', ')}`);
    }
    const field = match[1] as ControlField;
    const target = match[2]!.trim();
    if (target === '') mapping[field] = null;
    else if (/^\d+$/.test(target)) mapping[field] = Number(target) - 1;
    else {
      const index = headers.findIndex((h) => h.toLowerCase() === target.toLowerCase());
      if (index < 0) throw new InputError(`--map ${field}=${target}: the file has no column "${target}" (its columns: ${headers.join(', ')})`);
      mapping[field] = index;
    }
  }
  const problems = mappingProblems(headers, mapping);
  if (problems.length) throw new InputError(`cannot tell which column is which: ${problems.join('; ')}. Name the columns with --map FIELD=HEADER.`);
  return mapping;
}

export async function importControlsCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB, authority: { type: 'string' }, map: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } }, 1);
  const authorityId = requireId(values, 'authority');
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const table = await readSheet(file, bytes).catch((error: unknown) => {
    throw error instanceof SheetReadError ? new InputError(`${file}: ${error.message}`) : error;
  });
  const mapping = mappingFrom(table.headers, ((values as Record<string, unknown>).map as string[] | undefined) ?? []);
  const dryRun = values['dry-run'] === true;
  // The sheet is read here only to resolve --map against its headers; the API reads it again, as for the app.
  const sheetFile = { name: basename(file), contentBase64: bytes.toString('base64') };
  const plan = await withApi(values, async (api) => {
    if (!dryRun) return api('controls.import', { authorityId, file: sheetFile, mapping });
    const { source: _source, ...preview } = await api('controls.importPreview', { authorityId, file: sheetFile, mapping });
    return preview;
  });
  if (values.json) {
    printJson(io, plan);
    return plan.counts.rejected ? 1 : 0;
  }
  const columns = CONTROL_FIELDS.filter((f) => mapping[f] !== null).map((f) => `${f} ← "${table.headers[mapping[f]!]}"`);
  io.out(`Columns: ${columns.join(', ')}`);
  const { create, update, unchanged, rejected } = plan.counts;
  const counts = `${plural(create, 'control')} to create, ${update} to update, ${unchanged} unchanged`;
  if (rejected) {
    io.err(`${plural(rejected, 'row')} rejected; nothing was imported:\n${rejectedText(plan)}`);
    return 1;
  }
  io.out(dryRun ? `Dry run, nothing written: ${counts}.` : `Imported ${file}: ${counts.replace('to create', 'created').replace('to update', 'updated')}.`);
  return 0;
}

export async function exportControlsCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { ...DB, authority: { type: 'string' }, out: { type: 'string' }, language: { type: 'string' } });
  const authorityId = requireId(values, 'authority');
  const out = requireString(values, 'out');
  const format = extname(out).toLowerCase().slice(1);
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--out must end in .csv or .xlsx, got "${out}"`);
  const language = (values.language ?? 'en') as string;
  if (!(SHEET_LANGUAGES as readonly string[]).includes(language)) throw new UsageError(`--language must be en, fr or es, got "${language}"`);
  const { file, name, controls } = await withApi(values, async (api) => {
    const authority = (await api('authorities.list', {})).find((a) => a.id === authorityId);
    const exported = await api('controls.exportSheet', { authorityId, format, language: language as SheetLanguage });
    const listed = await api('controls.list', { authorityId, asOf: new Date().toISOString().slice(0, 10), limit: 1 });
    return { file: exported, name: authority?.name ?? '', controls: listed.total };
  });
  writeFileAtomic(out, Buffer.from(file.contentBase64, 'base64'));
  if (values.json) return printJson(io, { out, controls });
  io.out(`Exported ${plural(controls, 'control')} of "${name}" to ${out}. Edit it and bring it back with import-controls.`);
}
