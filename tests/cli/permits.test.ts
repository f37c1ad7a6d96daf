import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_MAPPING } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { TRADE_HEADER_LINE, writeGenerated } from '../permits/files.js';

const temp = useTempRegisters();

beforeAll(() => {
  assertCliBuilt();
});

function count(db: string, table: string): number {
  const connection = new Database(db, { readonly: true });
  try {
    return (connection.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    connection.close();
  }
}

describe('permits command', () => {
  it('imports a trade folder, a mapped register and quotas through the worker, then lists flags without people unless asked', () => {
    const dir = temp.dir();
    const db = join(dir, 'r.sqlite');
    runOk(['demo', '--db', db]);
    const data = generatePermitData({ seed: 21, tradeRows: 3_000, registerRows: 1_500, anomalies: true });
    const files = writeGenerated(dir, data);
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ name: 'e-permits v2', columns: REGISTER_MAPPING }));

    const trade = JSON.parse(runOk(['permits', 'import', files.tradeDir, '--db', db, '--format', 'trade-db', '--json']).stdout);
    expect(trade.rowsRead).toBe(data.trade.length);
    expect(trade.rowsStored + trade.rowsRejected).toBe(trade.rowsRead);
    expect(runOk(['permits', 'import', files.register, '--db', db, '--format', 'register', '--mapping', mapping]).stdout).toContain(`${data.register.length} stored, 0 rejected`);
    // The mapping was saved as a profile and can be named next time.
    expect(runOk(['permits', 'import', files.register, '--db', db, '--format', 'register', '--mapping', 'e-permits v2']).stdout).toContain(`${data.register.length} stored`);
    expect(runOk(['permits', 'quotas', files.quotas, '--db', db]).stdout).toContain(`${data.quotas.length} stored`);
    expect(count(db, 'trade_records')).toBe(data.trade.length);

    const text = runOk(['permits', 'flags', '--db', db]).stdout;
    expect(text).toMatch(/permit-reuse\s+\d+/);
    const json = JSON.parse(runOk(['permits', 'flags', '--db', db, '--json']).stdout);
    expect(json.flags.length).toBeGreaterThan(0);
    expect(json.flags.every((f: { officer: unknown; applicant: unknown }) => f.officer === null && f.applicant === null)).toBe(true);
    expect(json.officerHhi).toEqual([]);
    // Not in the details either (officer concentration and structuring name people there).
    expect(JSON.stringify(json.flags)).not.toMatch(/p-[0-9a-f]{16}/);
    const withPeople = JSON.parse(runOk(['permits', 'flags', '--db', db, '--json', '--with-people']).stdout);
    expect(withPeople.flags.some((f: { officer: string | null }) => /^p-[0-9a-f]{16}$/.test(f.officer ?? ''))).toBe(true);
  });

  it('refuses a malformed file with file, line and reason (exit 1) and stores nothing; wrong usage exits 2', () => {
    const dir = temp.dir();
    const db = join(dir, 'r.sqlite');
    runOk(['demo', '--db', db]);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${TRADE_HEADER_LINE}\n"1",2020,"II","Python regius","","","","Python","live",5,"","US","GH","","T","W","E","","a1b2c3d4e5",""\n"2",2020,"II","Pyth\xe9on"\n`, 'latin1');
    const run = runCli(['permits', 'import', bad, '--db', db, '--format', 'trade-db']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.csv, line 3: the text is not valid UTF-8');
    expect(count(db, 'permit_imports')).toBe(0);
    expect(runCli(['permits', 'import', bad, '--db', db, '--format', 'xml']).status).toBe(2);
    expect(runCli(['permits', 'import', bad, '--db', db, '--format', 'register']).stderr).toContain('--mapping is required');
    expect(runCli(['permits', 'nothing', '--db', db]).status).toBe(2);
  });
});
