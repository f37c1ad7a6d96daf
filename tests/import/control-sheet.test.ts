/** Reading a sheet of controls: CSV syntax, the header guess in three languages, and each cell's rules. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/import/csv-parse.js';
import { fromSavedMapping, guessMapping, mappingProblems, toSavedMapping } from '../../shared/import/control-mapping.js';
import { controlRowReader, readDate } from '../../shared/import/control-rows.js';
import { controlSheet, SHEET_HEADERS } from '../../shared/import/control-sheet.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import { familyList } from '../../shared/library/library.js';
import { toCsv } from '../../shared/report/csv.js';
import type { ControlRecord } from '../../shared/domain/records.js';

const library = builtInLibrary();
const vocabulary = { families: familyList(library), stages: library.stages, riskTypes: library.riskTypes };
const read = controlRowReader(vocabulary, '2026-11-01');
const EN = guessMapping(['Control', 'Family', 'Owner', 'Stated maturity', 'Last reviewed']);

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, a byte-order mark and CRLF, numbering rows by their first line', () => {
    const table = parseCsv('\uFEFFControl,Owner\r\n"Vetting, staff","He said ""yes"""\r\n"Two\nlines",x\r\n\r\n');
    expect(table.headers).toEqual(['Control', 'Owner']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Vetting, staff', 'He said "yes"'] },
      { line: 3, cells: ['Two\nlines', 'x'] },
    ]);
  });

  it('takes a semicolon as the delimiter when the header has more of them (French and Spanish Excel)', () => {
    expect(parseCsv('Mesure;Famille;Maturité\nA, B;vetting;3\n').rows[0]!.cells).toEqual(['A, B', 'vetting', '3']);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2/);
  });
});

describe('guessMapping', () => {
  it.each([
    ['en', ['Control', 'Family', 'Owner', 'Stated maturity', 'Last reviewed', 'Stages covered']],
    ['fr', ['Mesure', 'Famille', 'Responsable', 'Maturité déclarée', 'Dernière revue', 'Étapes couvertes']],
    ['es', ['Medida', 'Familia', 'Responsable', 'Madurez declarada', 'Última revisión', 'Etapas cubiertas']],
  ])('recognises the register CSV headers in %s', (_lang, headers) => {
    expect(guessMapping(headers)).toMatchObject({ title: 0, family: 1, owner: 2, maturity: 3, lastReviewed: 4, stages: 5, uid: null });
  });

  it("recognises the controls sheet's own headers in every language", () => {
    for (const headers of Object.values(SHEET_HEADERS)) {
      const mapping = guessMapping(Object.values(headers));
      expect(Object.values(mapping)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }
  });

  it('names a missing required column and a column used twice', () => {
    expect(mappingProblems(['A', 'B'], { ...EN, title: 0, family: 0, maturity: null })).toEqual([
      'family: column "A" is already used for title',
      'owner: column 3 does not exist (the file has 2)',
      'maturity: no column chosen (required)',
      'lastReviewed: column 5 does not exist (the file has 2)',
    ]);
  });

  it('saves a mapping by header text and applies it only to files that have those headers', () => {
    const headers = ['Name of control', 'Group', 'Level'];
    const mapping = { ...guessMapping(headers), title: 0, family: 1, maturity: 2 };
    const saved = toSavedMapping(headers, mapping);
    expect(fromSavedMapping(['Level', 'Group', 'Name of control'], saved)).toMatchObject({ title: 2, family: 1, maturity: 0 });
    expect(fromSavedMapping(['Level', 'Group'], saved)).toBeNull();
  });
});

describe('control rows', () => {
  it('reads family titles and maturity names in any of the three languages', () => {
    const row = read(2, ['Vérification', "Contrôle d’honorabilité du personnel", 'DRH', '3 Appliquée', '14/03/2026'], guessMapping(['Mesure', 'Famille', 'Responsable', 'Maturité', 'Dernière revue']));
    if (row.problems.length) expect.fail(JSON.stringify(row.problems));
    expect(row.control).toMatchObject({ title: 'Vérification', owner: 'DRH', maturity: 3, lastReviewed: '2026-03-14' });
    expect(library.families.has(row.control!.family)).toBe(true);
  });

  it('accepts a bare number, a family id and an ISO date', () => {
    expect(read(5, ['Vetting', 'vetting', 'HR', '2', '2026-01-31'], EN).control).toMatchObject({ family: 'vetting', maturity: 2, lastReviewed: '2026-01-31' });
  });

  it('names each bad field of a row: unknown family, maturity out of range, a future review date', () => {
    const row = read(7, ['', 'Gardening', 'HR', '7', '2027-01-01'], EN);
    expect(row.line).toBe(7);
    expect(row.control).toBeNull();
    expect(row.problems.map((p) => p.field).sort()).toEqual(['family', 'lastReviewed', 'maturity', 'title']);
    expect(row.problems.find((p) => p.field === 'lastReviewed')!.message).toMatch(/in the future/);
  });

  it('undoes the apostrophe the exports put before formula-like text', () => {
    expect(read(2, ["'=SUM(A1)", 'vetting', '', '1', ''], EN).control!.title).toBe('=SUM(A1)');
  });

  it('reads day-first dates and refuses impossible ones', () => {
    expect(readDate('1.2.2026')).toBe('2026-02-01');
    expect(readDate('31/02/2026')).toBeNull();
    expect(readDate('2026-02-30')).toBeNull();
  });
});

describe('controlSheet', () => {
  it('writes titles in the chosen language and rows that read back as the same controls', () => {
    const control: ControlRecord = {
      id: 1, uid: 'c-1', authorityId: 1, family: 'vetting', title: 'Vetting', description: 'd', owner: 'HR', maturity: 3,
      lastReviewed: '2026-02-01', stages: ['permit_issuance'], riskTypes: null, createdAt: '', updatedAt: '',
    };
    for (const language of ['en', 'fr', 'es'] as const) {
      const sheet = controlSheet([control], vocabulary, language);
      const table = parseCsv(toCsv(sheet.headers, sheet.rows));
      const row = read(table.rows[0]!.line, table.rows[0]!.cells, guessMapping(table.headers));
      expect(row.uid).toBe('c-1');
      expect(row.control).toEqual({ family: 'vetting', title: 'Vetting', description: 'd', owner: 'HR', maturity: 3, lastReviewed: '2026-02-01', stages: ['permit_issuance'], riskTypes: null });
    }
  });
});
