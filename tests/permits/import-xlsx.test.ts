import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuthority } from '../../db/authorities.js';
import { ImportCancelled, ImportRefused, importPermitFiles } from '../../db/permits/import.js';
import { loadRegisterPermits } from '../../db/permits/load.js';
import { cellText } from '../../db/permits/xlsx-records.js';
import { REGISTER_HEADER } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { MAPPING, writeGenerated } from './files.js';
import { registerRow, writeWorkbook, type Cell } from './xlsx-files.js';

const temp = useTempRegisters();

function setup() {
  const register = temp.open();
  const authority = (name: string) => createAuthority(register, { name, country: 'Testland', level: 'national', notes: '' });
  return { register, authority };
}

const count = (register: ReturnType<typeof temp.open>, table: string) => (register.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const nothingStored = (register: ReturnType<typeof temp.open>) => [count(register, 'permit_imports'), count(register, 'register_permits'), count(register, 'permit_rejects')];

describe('XLSX register files', () => {
  it.each([
    ['written whole', false],
    ['written streamed (worksheets before the shared strings)', true],
  ])('a workbook %s imports to exactly what the same register as CSV gives, date cells and text dates alike', async (_label, streaming) => {
    const { register, authority } = setup();
    const data = generatePermitData({ seed: 21, tradeRows: 10, registerRows: 1_500, anomalies: true });
    const dir = temp.dir();
    const csv = writeGenerated(dir, data, 1).register;
    // Odd rows hold real date cells, even rows dates typed as text, as hand-kept registers mix them.
    const xlsx = join(dir, 'register.xlsx');
    await writeWorkbook(xlsx, data.register.map((p, i) => registerRow(p, i % 2 === 1)), { streaming, notesSheet: true });

    const fromCsv = authority('From CSV');
    const fromXlsx = authority('From XLSX');
    await importPermitFiles(register, { authorityId: fromCsv.id, format: 'register', paths: [csv], mapping: MAPPING, pseudonymise: false });
    const summary = await importPermitFiles(register, { authorityId: fromXlsx.id, format: 'register', paths: [xlsx], mapping: MAPPING, pseudonymise: false });
    expect([summary.rowsRead, summary.rowsStored, summary.rowsRejected]).toEqual([data.register.length, data.register.length, 0]);
    expect(summary.files[0]!.name).toBe('register.xlsx');
    expect(summary.files[0]!.size).toBe(readFileSync(xlsx).length);
    expect(summary.files[0]!.sha256).toBe(createHash('sha256').update(readFileSync(xlsx)).digest('hex'));
    expect(loadRegisterPermits(register, fromXlsx.id)).toEqual(loadRegisterPermits(register, fromCsv.id));
    expect(loadRegisterPermits(register, fromXlsx.id)).toEqual(data.register);
    // Lines are spreadsheet row numbers: the first permit sits in row 2.
    expect(register.db.prepare('SELECT line FROM register_permits p JOIN permit_imports i ON i.id = p.import_id WHERE i.authority_id = ? ORDER BY line LIMIT 1').pluck().get(fromXlsx.id)).toBe(2);
  });

  it('rejects bad rows with file, spreadsheet row and reason, skips empty rows, and the counts add up', async () => {
    const { register, authority } = setup();
    const permits = generatePermitData({ seed: 4, tradeRows: 10, registerRows: 6, anomalies: false }).register;
    const rows: Cell[][] = permits.map((p) => registerRow(p, true));
    rows[1]![15] = 'lost'; // status, row 3
    rows[2] = []; // an empty row 4
    rows[3]![3] = '31/02/2025'; // issued at, row 5: not a date the ISO profile reads
    rows[4]![9] = { richText: [{ text: '1' }, { font: { bold: true }, text: '2' }] }; // quantity 12 in rich text
    rows[5]![9] = { formula: '2*3', result: 6 }; // quantity from a formula
    const file = join(temp.dir(), 'register.xlsx');
    await writeWorkbook(file, rows);
    const summary = await importPermitFiles(register, { authorityId: authority('MA').id, format: 'register', paths: [file], mapping: MAPPING });
    expect([summary.rowsRead, summary.rowsStored, summary.rowsRejected]).toEqual([5, 3, 2]);
    expect(summary.rejects).toEqual([
      { file: 'register.xlsx', line: 3, reason: 'status: "lost" is not one of issued, cancelled, replaced, used, expired' },
      { file: 'register.xlsx', line: 5, reason: 'issuedAt: "31/02/2025" is not a date written YYYY-MM-DD[THH:MM]' },
    ]);
    expect(register.db.prepare('SELECT line, quantity FROM register_permits ORDER BY line').all()).toEqual([
      { line: 2, quantity: permits[0]!.quantity },
      { line: 6, quantity: 12 },
      { line: 7, quantity: 6 },
    ]);
  });

  it('a folder gives its .csv and .xlsx files in name order and leaves out spreadsheet lock files', async () => {
    const { register, authority } = setup();
    const data = generatePermitData({ seed: 8, tradeRows: 10, registerRows: 40, anomalies: false });
    const dir = temp.dir();
    const csv = writeGenerated(temp.dir(), { ...data, register: data.register.slice(0, 15) }, 1).register;
    copyFileSync(csv, join(dir, 'a-2024.csv'));
    await writeWorkbook(join(dir, 'b-2025.xlsx'), data.register.slice(15).map((p) => registerRow(p, true)));
    writeFileSync(join(dir, '~$b-2025.xlsx'), 'owner file');
    writeFileSync(join(dir, 'notes.txt'), 'not data');
    const summary = await importPermitFiles(register, { authorityId: authority('MA').id, format: 'register', paths: [dir], mapping: MAPPING });
    expect(summary.files.map((f) => [f.name, f.rows])).toEqual([
      ['a-2024.csv', 15],
      ['b-2025.xlsx', 25],
    ]);
    expect(summary.rowsStored).toBe(40);
  });

  it('refuses a malformed workbook with file and row, and stores nothing of the import, not even the files before it', async () => {
    const { register, authority } = setup();
    const permits = generatePermitData({ seed: 9, tradeRows: 10, registerRows: 30, anomalies: false }).register;
    const authorityId = authority('MA').id;
    const good = join(temp.dir(), 'a-good.xlsx');
    await writeWorkbook(good, permits.map((p) => registerRow(p, true)));
    const refusal = async (name: string, write: (path: string) => Promise<void> | void) => {
      const dir = temp.dir();
      copyFileSync(good, join(dir, 'a-good.xlsx'));
      await write(join(dir, name));
      const error = await importPermitFiles(register, { authorityId, format: 'register', paths: [dir], mapping: MAPPING }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRefused);
      expect(nothingStored(register)).toEqual([0, 0, 0]);
      return (error as ImportRefused).message;
    };

    // The header lacks a mapped column.
    expect(await refusal('b-header.xlsx', (path) => writeWorkbook(path, permits.map((p) => registerRow(p, true)), { header: REGISTER_HEADER.map((h) => (h === 'Status' ? 'State' : h)) }))).toBe(
      'b-header.xlsx, line 1: the header lacks column "Status"; nothing was imported',
    );
    // A column named twice.
    expect(await refusal('b-twice.xlsx', (path) => writeWorkbook(path, [], { header: [...REGISTER_HEADER, 'Applicant'] }))).toBe(
      'b-twice.xlsx, line 1: the header names column "Applicant" twice; nothing was imported',
    );
    // A row far larger than any permit, in row 12 (a cell holds at most 32,767 characters in Excel).
    expect(
      await refusal('b-huge.xlsx', (path) => {
        const rows = permits.map((p) => registerRow(p, true));
        rows[10]![6] = 'A'.repeat(32_000);
        rows[10]![8] = 'B'.repeat(32_000);
        rows[10]![12] = 'C'.repeat(2_000);
        return writeWorkbook(path, rows);
      }),
    ).toBe('b-huge.xlsx, line 12: a row is larger than 64 KB; nothing was imported');
    // A workbook cut short (an interrupted copy): refused where the rows stop.
    expect(
      await refusal('b-cut.xlsx', (path) => {
        const bytes = readFileSync(good);
        writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      }),
    ).toMatch(/^b-cut\.xlsx, line \d+: the workbook is damaged and cannot be read \(.+\); nothing was imported$/);
    // A CSV file saved under an .xlsx name.
    expect(await refusal('b-renamed.xlsx', (path) => writeFileSync(path, `${REGISTER_HEADER.join(',')}\n`))).toBe(
      'b-renamed.xlsx, line 0: the file is named .xlsx but is not an XLSX workbook (save it from the spreadsheet program as .xlsx or .csv); nothing was imported',
    );
    // A workbook whose first worksheet is empty.
    expect(await refusal('b-empty.xlsx', (path) => writeWorkbook(path, [], { header: [] }))).toBe('b-empty.xlsx, line 1: the file is empty (no header line); nothing was imported');
  });

  it('a cancelled XLSX import leaves nothing behind', async () => {
    const { register, authority } = setup();
    const permits = generatePermitData({ seed: 10, tradeRows: 10, registerRows: 500, anomalies: false }).register;
    const file = join(temp.dir(), 'register.xlsx');
    await writeWorkbook(file, permits.map((p) => registerRow(p, false)));
    const controller = new AbortController();
    const attempt = importPermitFiles(register, { authorityId: authority('MA').id, format: 'register', paths: [file], mapping: MAPPING }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(attempt).rejects.toThrow(ImportCancelled);
    expect(nothingStored(register)).toEqual([0, 0, 0]);
    expect(register.db.inTransaction).toBe(false);
  });
});

describe('XLSX cell text', () => {
  it('turns each kind of cell into the text the row parser reads', () => {
    expect(cellText(new Date('2025-03-05T10:30:00Z'), 'dd/mm/yyyy hh:mm')).toBe('2025-03-05T10:30');
    expect(cellText(new Date('2025-03-05T00:00:00Z'), 'dd/mm/yyyy hh:mm')).toBe('2025-03-05T00:00');
    expect(cellText(new Date('2025-03-05T00:00:00Z'), 'yyyy-mm-dd')).toBe('2025-03-05');
    // Day numbers of Excel carry float noise: 10:30:14.9996 is 10:30:15.
    expect(cellText(new Date('2025-03-05T10:30:14.9996Z'), 'yyyy-mm-dd hh:mm:ss')).toBe('2025-03-05T10:30:15');
    expect(cellText({ formula: 'A1+1', result: 45721.4375 }, 'dd/mm/yyyy hh:mm')).toBe('2025-03-05T10:30');
    expect(cellText({ formula: 'A1+1', result: 45721.4375 }, '0.00')).toBe('45721.4375');
    expect(cellText({ formula: 'A1&B1', result: 'EX-1' })).toBe('EX-1');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ richText: [{ text: 'Python ' }, { text: 'regius' }] })).toBe('Python regius');
    expect(cellText({ text: 'EX-2025-0001', hyperlink: 'https://example.org' })).toBe('EX-2025-0001');
    expect(cellText(null)).toBe('');
  });
});
