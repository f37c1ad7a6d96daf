import { fromSavedMapping, guessMapping, toSavedMapping, type ControlMapping, type SavedMapping } from '../shared/import/control-mapping.js';
import { controlSheet } from '../shared/import/control-sheet.js';
import { MEDIA_TYPES } from '../shared/report/formats.js';
import { writeControlsSheet } from '../exports/controls-sheet-file.js';
import { readSheet, SheetReadError } from '../exports/sheet-read.js';
import { getAuthority } from '../db/authorities.js';
import { applyControlImport, importVocabulary, previewControlImport } from '../db/control-import.js';
import { listControls } from '../db/controls.js';
import { RegisterError } from '../db/errors.js';
import { getSetting, setSetting } from '../db/settings.js';
import type { Handlers } from './handler-types.js';

/** The saved mapping is a preference of this register, like the language: not an audit event. */
const MAPPING_KEY = 'control-import-mapping';

async function read(file: { name: string; contentBase64: string }) {
  try {
    return await readSheet(file.name, Buffer.from(file.contentBase64, 'base64'));
  } catch (error) {
    if (error instanceof SheetReadError) throw new RegisterError('invalid', `${file.name}: ${error.message}`);
    throw error;
  }
}

function savedMapping(text: string | null): SavedMapping | null {
  try {
    return text ? (JSON.parse(text) as SavedMapping) : null;
  } catch {
    return null;
  }
}

export const controlImportHandlers: Handlers<'controls.importPreview' | 'controls.import' | 'controls.exportSheet'> = {
  'controls.importPreview': async (register, input) => {
    const table = await read(input.file);
    const saved = savedMapping(getSetting(register, MAPPING_KEY));
    const fromSaved = saved ? fromSavedMapping(table.headers, saved) : null;
    const [mapping, source]: [ControlMapping, 'given' | 'saved' | 'guessed'] = input.mapping
      ? [input.mapping, 'given']
      : fromSaved
        ? [fromSaved, 'saved']
        : [guessMapping(table.headers), 'guessed'];
    return { ...previewControlImport(register, input.authorityId, table, mapping), source };
  },
  'controls.import': async (register, input) => {
    const table = await read(input.file);
    const plan = applyControlImport(register, input.authorityId, table, input.mapping, input.file.name);
    if (input.saveMapping) setSetting(register, MAPPING_KEY, JSON.stringify(toSavedMapping(table.headers, input.mapping)));
    return plan;
  },
  'controls.exportSheet': async (register, input) => {
    const authority = getAuthority(register, input.authorityId);
    const sheet = controlSheet(listControls(register, input.authorityId), importVocabulary(register), input.language);
    const bytes = await writeControlsSheet(sheet, input.format);
    const slug = authority.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'authority';
    return { fileName: `${slug}-controls.${input.format}`, mediaType: MEDIA_TYPES[input.format], contentBase64: Buffer.from(bytes).toString('base64') };
  },
};
