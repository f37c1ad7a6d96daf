/**
 * Importing controls from a sheet into a real register: all or nothing, each
 * rejected row named by line and field, audited, and the round trip
 * export → edit in a spreadsheet → import, in CSV and in XLSX.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.js';
import { listAudit } from '../../db/audit.js';
import { applyControlImport, importVocabulary, previewControlImport } from '../../db/control-import.js';
import { listControls } from '../../db/controls.js';
import { writeControlsSheet } from '../../exports/controls-sheet-file.js';
import { readSheet } from '../../exports/sheet-read.js';
import type { ControlImportPlan } from '../../shared/domain/records.js';
import { guessMapping } from '../../shared/import/control-mapping.js';
import { parseCsv } from '../../shared/import/csv-parse.js';
import { controlSheet } from '../../shared/import/control-sheet.js';
import { toCsv } from '../../shared/report/csv.js';
import { seedAuthority } from '../helpers/register-fixtures.js';
import { dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };

function csv(text: string) {
  return parseCsv(text);
}

describe('control import', () => {
  it('creates new controls, updates one matched by title, and counts an identical row as unchanged', () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const table = csv('Control,Family,Owner,Stated maturity,Last reviewed\nConflict-of-interest register,conflict_of_interest,Legal,2,2026-02-01\nCode of conduct,code_of_conduct,Director,3,2026-01-15\nPre-appointment vetting,vetting,HR,3,2026-05-01\n');
    const plan = applyControlImport(register, authority.id, table, guessMapping(table.headers), 'sheet.csv');
    expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 1, rejected: 0 });
    const controls = listControls(register, authority.id);
    expect(controls).toHaveLength(6);
    expect(controls.find((c) => c.title === 'Code of conduct')!.maturity).toBe(3);
    const audit = listAudit(register).slice(-3);
    expect(audit.map((a) => [a.action, a.entity, a.field])).toEqual([
      ['create', 'control', null],
      ['update', 'control', 'maturity'],
      ['import', 'authority', 'controls'],
    ]);
    expect(JSON.parse(audit.at(-1)!.newValue!)).toEqual({ source: 'sheet.csv', create: 1, update: 1, unchanged: 1, rejected: 0 });
  });

  it('writes nothing when one row is bad, and names every rejected row by its line and field', () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const before = dumpTables(register.db);
    const table = csv('Control,Family,Stated maturity,Last reviewed\nGood one,vetting,2,\n,vetting,2,\nBad family,gardening,9,2030-01-01\n');
    expect(() => applyControlImport(register, authority.id, table, guessMapping(table.headers), 'x.csv')).toThrow(
      /2 of 3 rows rejected; nothing was imported:\nline 3: title: must not be empty\nline 4: family: unknown family "gardening"; maturity: "9" is not a maturity level \(write 0 to 4\); lastReviewed: 2030-01-01 is in the future/,
    );
    expect(dumpTables(register.db)).toEqual(before);
  });

  it('refuses a row that repeats an earlier one, and a title shared by two controls without an ID', () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    applyControlImport(register, authority.id, csv('ID,Control,Family,Stated maturity\ntwin-2,Twin,vetting,1\n'), guessMapping(['ID', 'Control', 'Family', 'Stated maturity']), 'a.csv');
    applyControlImport(register, authority.id, csv('ID,Control,Family,Stated maturity\ntwin-1,Twin,vetting,1\n'), guessMapping(['ID', 'Control', 'Family', 'Stated maturity']), 'b.csv');
    const table = csv('Control,Family,Stated maturity\nTwin,vetting,2\nNew,vetting,1\nNew,vetting,1\n');
    const plan = previewControlImport(register, authority.id, table, guessMapping(table.headers));
    expect(plan.rows.map((r) => [r.line, r.action, r.problems.map((p) => p.message)])).toEqual([
      [2, 'rejected', ['matches 2 controls of this authority; add the ID column to say which']],
      [3, 'create', []],
      [4, 'rejected', ['the same control as line 3']],
    ]);
  });

  it('refuses an ID that belongs to another authority', () => {
    const register = temp.open();
    const first = seedAuthority(register, 'First');
    const second = seedAuthority(register, 'Second');
    const table = csv(`ID,Control,Family,Stated maturity\n${first.controls[0]!.uid},Moved,vetting,1\n`);
    const plan = previewControlImport(register, second.authority.id, table, guessMapping(table.headers));
    expect(plan.rows[0]!.problems).toEqual([{ field: 'uid', message: `"${first.controls[0]!.uid}" is a control of another authority` }]);
  });

  it('round trip in CSV: export, edit the sheet as text, import; only the edited control changes', () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const before = listControls(register, authority.id);
    const sheet = controlSheet(before, importVocabulary(register), 'fr');
    // The edit a user makes in a spreadsheet: raise one maturity, add one control without an ID.
    sheet.rows[0]![5] = 4;
    sheet.rows.push([null, 'Rotation des agents', 'Rotation sur les postes exposés', null, 'DRH', 2, '01/09/2026', null, null]);
    const table = parseCsv(toCsv(sheet.headers, sheet.rows));
    const plan = applyControlImport(register, authority.id, table, guessMapping(table.headers), 'mesures.csv');
    expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: before.length - 1, rejected: 0 });
    const after = listControls(register, authority.id);
    const edited = after.find((c) => c.uid === before[0]!.uid)!;
    expect(edited.maturity).toBe(4);
    const added = after.find((c) => c.title === 'Rotation des agents')!;
    expect(added).toMatchObject({ family: 'rotation', lastReviewed: '2026-09-01', owner: 'DRH' });
    for (const c of before.slice(1)) expect(after.find((a) => a.uid === c.uid)).toEqual(c);
  });

  it('round trip in XLSX: the workbook the app writes, edited with a spreadsheet library, imports back', async () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const before = listControls(register, authority.id);
    const bytes = await writeControlsSheet(controlSheet(before, importVocabulary(register), 'es'), 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // Excel turns typed dates into date cells: the import must read those too.
    sheet.getRow(2).getCell(7).value = new Date(Date.UTC(2026, 9, 5));
    sheet.getRow(2).getCell(5).value = 'Oficina jurídica';
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readSheet('medidas.xlsx', edited);
    const plan = applyControlImport(register, authority.id, table, guessMapping(table.headers), 'medidas.xlsx');
    expect(plan.counts).toMatchObject({ create: 0, update: 1, rejected: 0 });
    expect(listControls(register, authority.id).find((c) => c.uid === before[0]!.uid)).toMatchObject({ lastReviewed: '2026-10-05', owner: 'Oficina jurídica' });
  });
});

describe('control import through the API', () => {
  const file = (text: string, name = 'controls.csv') => ({ name, contentBase64: Buffer.from(text).toString('base64') });

  it('previews with the guessed mapping, saves the mapping on import, and reuses it for the next file with those headers', async () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const text = 'Nom,Groupe,Niveau\nRotation,rotation,2\n';
    const first = await dispatch(register, env, 'controls.importPreview', { authorityId: authority.id, file: file(text) });
    if (!first.ok) throw new Error(first.error.message);
    expect((first.value as ControlImportPlan & { source: string }).source).toBe('guessed');
    const mapping = { ...(first.value as ControlImportPlan).mapping, title: 0, family: 1, maturity: 2 } as Record<string, number | null>;
    const auditBefore = listAudit(register).length;
    const done = await dispatch(register, env, 'controls.import', { authorityId: authority.id, file: file(text), mapping, saveMapping: true });
    if (!done.ok) throw new Error(done.error.message);
    // One control created plus the import summary; saving the mapping is a preference, not an audit event.
    expect(listAudit(register).length - auditBefore).toBe(2);
    const again = await dispatch(register, env, 'controls.importPreview', { authorityId: authority.id, file: file('Nom,Groupe,Niveau\nRotation,rotation,3\n') });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toMatchObject({ source: 'saved', counts: { update: 1 } });
  });

  it('refuses an import whose mapping lacks a required column, and a file that is not a workbook', async () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const mapping = { uid: null, title: 0, family: null, description: null, owner: null, maturity: 1, lastReviewed: null, stages: null, riskTypes: null };
    const result = await dispatch(register, env, 'controls.import', { authorityId: authority.id, file: file('A,B\nx,1\n'), mapping });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('family: no column chosen (required)') } });
    const broken = await dispatch(register, env, 'controls.importPreview', { authorityId: authority.id, file: file('PK\u0003\u0004junk', 'x.xlsx') });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('x.xlsx: not a readable XLSX workbook') } });
  });

  it('exports the sheet as a file named after the authority', async () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const result = await dispatch(register, env, 'controls.exportSheet', { authorityId: authority.id, format: 'csv', language: 'en' });
    if (!result.ok) throw new Error(result.error.message);
    const exported = result.value as { fileName: string; contentBase64: string };
    expect(exported.fileName).toBe('test-management-authority-controls.csv');
    expect(parseCsv(Buffer.from(exported.contentBase64, 'base64').toString('utf8')).rows).toHaveLength(5);
  });
});
