/** import-controls and export-controls as users run them, on real registers; and help that fits 80 columns. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/import/csv-parse.js';
import { toCsv } from '../../shared/report/csv.js';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

beforeAll(() => assertCliBuilt());

function demoDb(): string {
  const db = temp.path();
  runOk(['demo', '--db', db]);
  return db;
}

function controls(db: string): Array<{ uid: string; title: string; maturity: number; owner: string }> {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT uid, title, maturity, owner FROM controls ORDER BY id').all() as Array<{ uid: string; title: string; maturity: number; owner: string }>;
  } finally {
    conn.close();
  }
}

describe('export-controls → edit → import-controls', () => {
  it('round trip in CSV: the edited control changes, a new row is created, the rest stay as they were', () => {
    const db = demoDb();
    const sheet = join(temp.dir(), 'controls.csv');
    const exported = runOk(['export-controls', '--db', db, '--authority', '1', '--out', sheet]);
    expect(exported.stdout).toMatch(/^Exported \d+ controls of "/);
    const before = controls(db);
    // Edit as in a spreadsheet: the first row's owner, and one new row without an ID.
    const table = parseCsv(readFileSync(sheet, 'utf8'));
    const rows = table.rows.map((r) => r.cells);
    const editedUid = rows[0]![0]!;
    rows[0]![4] = 'New owner';
    rows.push(['', 'Staff rotation in exposed posts', 'Rotation of vulnerable posts', '', 'HR', '2', '2026-01-10', '', '']);
    writeFileSync(sheet, toCsv(table.headers, rows));
    const dry = runOk(['import-controls', sheet, '--db', db, '--authority', '1', '--dry-run']);
    expect(dry.stdout).toContain('Dry run, nothing written: 1 control to create, 1 to update');
    expect(controls(db)).toEqual(before);
    const run = runOk(['import-controls', sheet, '--db', db, '--authority', '1', '--actor', 'Ana']);
    expect(run.stdout).toMatch(/Imported .*controls\.csv: 1 control created, 1 updated, \d+ unchanged\./);
    const after = controls(db);
    expect(after).toHaveLength(before.length + 1);
    for (const control of before) expect(after.find((c) => c.uid === control.uid)).toEqual(control.uid === editedUid ? { ...control, owner: 'New owner' } : control);
  }, 120_000);

  it('round trip in XLSX with French headers', () => {
    const db = demoDb();
    const sheet = join(temp.dir(), 'mesures.xlsx');
    runOk(['export-controls', '--db', db, '--authority', '1', '--out', sheet, '--language', 'fr']);
    const run = runOk(['import-controls', sheet, '--db', db, '--authority', '1', '--json']);
    const plan = JSON.parse(run.stdout) as { counts: Record<string, number> };
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: controls(db).length, rejected: 0 });
  });

  it('exits 1 listing every rejected row by line and field, and writes nothing', () => {
    const db = demoDb();
    const sheet = join(temp.dir(), 'bad.csv');
    writeFileSync(sheet, 'Control;Family;Stated maturity\nFine;vetting;2\nOdd;astrology;2\nLate;vetting;five\n');
    const before = controls(db);
    const run = runCli(['import-controls', sheet, '--db', db, '--authority', '1']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 of 3 rows rejected; nothing was imported:\nline 3: family: unknown family "astrology"\nline 4: maturity: "five" is not a maturity level (write 0 to 4)');
    expect(controls(db)).toEqual(before);
  });

  it('takes --map for headers it cannot guess, and says which field lacks a column', () => {
    const db = demoDb();
    const sheet = join(temp.dir(), 'own.csv');
    writeFileSync(sheet, 'What,Group,How good\nRotation plan,rotation,1\n');
    const unmapped = runCli(['import-controls', sheet, '--db', db, '--authority', '1']);
    expect(unmapped.status).toBe(1);
    expect(unmapped.stderr).toContain('title: no column chosen (required)');
    const run = runOk(['import-controls', sheet, '--db', db, '--authority', '1', '--map', 'title=What', '--map', 'family=Group', '--map', 'maturity=3']);
    expect(run.stdout).toContain('title ← "What", family ← "Group", maturity ← "How good"');
  });
});

describe('help', () => {
  it('fits an 80-column terminal', () => {
    const help = runOk(['--help']).stdout;
    const widest = Math.max(...help.split('\n').map((line) => line.length));
    expect(widest).toBeLessThanOrEqual(80);
    expect(help).toContain('import-controls FILE');
  });

  it('counts in the singular for one: "1 assessment"', () => {
    const db = demoDb();
    const dir = temp.dir();
    const pkgFile = join(dir, 'demo.json');
    runOk(['export', '--db', db, '--authority', '1', '--out', pkgFile]);
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { assessments: Array<{ status: string }> };
    pkg.assessments = pkg.assessments.filter((a) => a.status === 'locked');
    writeFileSync(pkgFile, JSON.stringify(pkg));
    const solo = join(dir, 'solo.sqlite');
    expect(runOk(['import', pkgFile, '--db', solo]).stdout).toMatch(/, 1 assessment\.$/m);
    expect(runOk(['export', '--db', solo, '--authority', '1', '--out', join(dir, 'again.json')]).stdout).toMatch(/, 1 assessment\) to /);
  }, 120_000);
});
