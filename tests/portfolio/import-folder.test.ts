/**
 * permit-integrity import-folder, run in-process through the command table:
 * good packages are imported, bad ones reported by file name and reason, and
 * nothing of a refused package is written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { rowCounts, useTempRegisters } from '../helpers/temp-register.js';
import { authorityPackage, secretName } from './fixtures.js';

const temp = useTempRegisters();

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** 3 good packages, one file that is not JSON, one package that fails validation. */
function folder(): { dir: string; good: ReturnType<typeof authorityPackage>[] } {
  const dir = temp.dir();
  const good = [1, 2, 3].map((n) => authorityPackage(n, { shift: n - 2 }));
  good.forEach((pkg, i) => writeFileSync(join(dir, `authority-${i + 1}.json`), JSON.stringify(pkg)));
  writeFileSync(join(dir, 'broken.json'), '{ "format": "permit-integrity/package", ');
  const bad = authorityPackage(4);
  bad.controls[0]!.family = 'no_such_family';
  bad.controls[1]!.maturity = 7;
  writeFileSync(join(dir, 'invalid-package.json'), JSON.stringify(bad));
  writeFileSync(join(dir, 'notes.txt'), 'not a package, not a .json file: ignored');
  return { dir, good };
}

describe('import-folder', () => {
  it('imports the good packages, reports each bad one by name and reason, and exits 1', async () => {
    const { dir, good } = folder();
    const db = temp.path();
    const result = await run(['import-folder', dir, '--db', db]);
    expect(result.status).toBe(1);
    const lines = result.out.split('\n');
    for (const n of [1, 2, 3]) expect(lines).toContain(`imported: ${secretName(n)} (authority-${n}.json)`);
    expect(lines.find((l) => l.startsWith('refused: broken.json: '))).toMatch(/^refused: broken.json: not valid JSON: line 1, column \d+/);
    const refused = lines.find((l) => l.startsWith('refused: invalid-package.json: '))!;
    expect(refused).toMatch(/\$\.controls\[1\]\.maturity/);
    expect(lines.at(-1)).toBe('3 of 5 packages imported, 2 refused (nothing of a refused package was written).');
    expect(result.out).not.toContain('notes.txt');

    // Exactly the three good packages are in the register, nothing of the refused one.
    const counts = rowCounts(temp.raw(db));
    expect(counts.authorities).toBe(3);
    expect(counts.controls).toBe(good.reduce((n, p) => n + p.controls.length, 0));
    expect(counts.evidence).toBe(good.reduce((n, p) => n + p.controls.reduce((m, c) => m + c.evidence.length, 0), 0));
    expect(counts.assessments).toBe(3);
    expect(counts.chain_cells).toBe(good.reduce((n, p) => n + p.assessments[0]!.chain.length, 0));
  });

  it('says the same in JSON; a second run refuses every package as already imported, writing nothing', async () => {
    const { dir } = folder();
    const db = temp.path();
    const first = await run(['import-folder', dir, '--db', db, '--json']);
    const report = JSON.parse(first.out) as { imported: number; refused: number; packages: Array<{ file: string; imported: boolean; reason?: string }> };
    expect(report).toMatchObject({ imported: 3, refused: 2 });
    expect(report.packages.filter((p) => !p.imported).map((p) => p.file)).toEqual(['broken.json', 'invalid-package.json']);
    expect(report.packages.find((p) => p.file === 'invalid-package.json')!.reason).toMatch(/unknown family "no_such_family"|maturity/);

    const before = rowCounts(temp.raw(db));
    const again = await run(['import-folder', dir, '--db', db]);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/refused: authority-1\.json: \$\.authority\.uid: authority .* is already in this register/);
    expect(rowCounts(temp.raw(db))).toEqual(before);
  });

  it('exits 0 when every package is imported, and 1 with a message for a missing or empty folder', async () => {
    const dir = temp.dir();
    writeFileSync(join(dir, 'one.json'), JSON.stringify(authorityPackage(7)));
    expect((await run(['import-folder', dir, '--db', temp.path()])).status).toBe(0);
    const missing = await run(['import-folder', join(dir, 'nope'), '--db', temp.path()]);
    expect(missing).toMatchObject({ status: 1 });
    expect(missing.err).toMatch(/no such folder/);
    const empty = await run(['import-folder', temp.dir(), '--db', temp.path()]);
    expect(empty.err).toMatch(/holds no \.json package/);
    expect((await run(['import-folder', '--db', temp.path()])).status).toBe(2);
  });
});
