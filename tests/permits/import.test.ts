import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssessment } from '../../db/assessments.js';
import { createAuthority } from '../../db/authorities.js';
import { lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import { analyseAuthorityPermits, analysisFlags, latestAnalysis } from '../../db/permits/analysis.js';
import { ImportCancelled, ImportRefused, importPermitFiles } from '../../db/permits/import.js';
import { assessmentSnapshot, scoreAssessment } from '../../db/snapshot.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { MAPPING, TRADE_HEADER_LINE, writeGenerated } from './files.js';
import { as, REVIEWER, SUBMITTER } from '../helpers/register-fixtures.js';

const temp = useTempRegisters();

function setup() {
  const register = temp.open();
  const authority = createAuthority(register, { name: 'Permit MA', country: 'Testland', level: 'national', notes: '' });
  return { register, authority };
}

const count = (register: ReturnType<typeof temp.open>, table: string) => (register.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('permit import', () => {
  it('imports a folder of trade files, a mapped register and quotas; counts add up; analysis finds every planted anomaly', async () => {
    const { register, authority } = setup();
    const data = generatePermitData({ seed: 5, tradeRows: 6_000, registerRows: 3_000, anomalies: true });
    const files = writeGenerated(temp.dir(), data);
    const progress: number[] = [];
    const trade = await importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [files.tradeDir] }, { onProgress: (p) => progress.push(p.bytesRead) });
    expect(trade.files.map((f) => f.name)).toEqual(['part-1.csv', 'part-2.csv']);
    expect(trade.rowsRead).toBe(data.trade.length);
    expect(trade.rowsStored + trade.rowsRejected).toBe(trade.rowsRead);
    expect(trade.rowsRejected).toBe(0);
    expect(count(register, 'trade_records')).toBe(data.trade.length);
    expect(progress.at(-1)).toBe(trade.files.reduce((s, f) => s + f.size, 0));
    expect(trade.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const reg = await importPermitFiles(register, { authorityId: authority.id, format: 'register', paths: [files.register], mapping: MAPPING });
    expect(reg.rowsStored).toBe(data.register.length);
    const quotas = await importPermitFiles(register, { authorityId: authority.id, format: 'quotas', paths: [files.quotas] });
    expect(quotas.rowsStored).toBe(data.quotas.length);

    // Officers and applicants are pseudonymised by default, consistently.
    const officers = register.db.prepare('SELECT DISTINCT officer FROM register_permits').pluck().all() as string[];
    expect(officers.every((o) => /^p-[0-9a-f]{16}$/.test(o))).toBe(true);
    expect(officers.length).toBe(new Set(data.register.map((p) => p.officer)).size);

    const summary = analyseAuthorityPermits(register, authority.id);
    expect(summary.tradeLines).toBe(data.trade.length);
    const found = new Set(analysisFlags(register, latestAnalysis(register, authority.id)!.id).map((f) => `${f.kind}|${f.permit}`));
    expect(data.planted.filter((p) => !found.has(`${p.kind}|${p.permit}`))).toEqual([]);
  });

  it('rejects bad rows with file, line and reason, stores the rest, and the counts add up', async () => {
    const { register, authority } = setup();
    const dir = temp.dir();
    const good = '"1",2020,"II","Python regius","","","","Python","live",5,"","US","GH","","T","W","E","","a1b2c3d4e5",""';
    writeFileSync(join(dir, 't.csv'), [TRADE_HEADER_LINE, good, good.replace('2020', '20x0'), good.replace('"E"', '"X"'), good.replace(',5,', ',7,"kg",'), good.replace(',5,"",', ',5,"bags",')].join('\r\n'));
    const summary = await importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [join(dir, 't.csv')] });
    expect([summary.rowsRead, summary.rowsStored, summary.rowsRejected, summary.unknownUnits]).toEqual([5, 2, 3, 1]);
    expect(summary.rejects).toEqual([
      { file: 't.csv', line: 3, reason: 'Year: "20x0" is not a four-digit year' },
      { file: 't.csv', line: 4, reason: 'Reporter.type: "X" is neither E nor I' },
      { file: 't.csv', line: 5, reason: 'the row has 21 fields, the header 20' },
    ]);
    expect(register.db.prepare('SELECT file, line, reason FROM permit_rejects ORDER BY line').all()).toEqual(summary.rejects);
    expect(register.db.prepare('SELECT rows_read, rows_stored, rows_rejected FROM permit_imports').get()).toEqual({ rows_read: 5, rows_stored: 2, rows_rejected: 3 });
    expect(register.db.prepare('SELECT unit FROM trade_records ORDER BY line').pluck().all()).toEqual(['', 'bags']);
  });

  it('refuses a file with a wrong header, and stores nothing of the import, not even earlier files', async () => {
    const { register, authority } = setup();
    const dir = temp.dir();
    writeFileSync(join(dir, 'a.csv'), `${TRADE_HEADER_LINE}\n"1",2020,"II","Python regius","","","","Python","live",5,"","US","GH","","T","W","E","","a1b2c3d4e5",""\n`);
    writeFileSync(join(dir, 'b.csv'), `${TRADE_HEADER_LINE.replace('"Term"', '"Terms"')}\n`);
    const attempt = importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [dir] });
    await expect(attempt).rejects.toThrow(ImportRefused);
    await expect(importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [dir] })).rejects.toThrow('b.csv, line 1: the header lacks column "Term"; nothing was imported');
    expect([count(register, 'permit_imports'), count(register, 'trade_records'), count(register, 'permit_rejects')]).toEqual([0, 0, 0]);
  });

  it('a large import builds its index once at the end; a refused one leaves the old index in place', async () => {
    const { register, authority } = setup();
    const index = () => register.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'trade_records_import'").pluck().get();
    const before = index();
    expect(before).toMatch(/CREATE INDEX trade_records_import/);
    const data = generatePermitData({ seed: 6, tradeRows: 14_000, registerRows: 10, anomalies: false });
    const files = writeGenerated(temp.dir(), data, 1);
    // Over 1.3 MB, so the index is dropped and rebuilt (within the import's transaction).
    const summary = await importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [files.tradeDir] });
    expect(summary.files[0]!.size).toBeGreaterThan(1_300_000);
    expect(index()).toBe(before);
    expect(register.db.prepare('EXPLAIN QUERY PLAN SELECT line FROM trade_records WHERE import_id = 1').all()).toMatchObject([{ detail: expect.stringContaining('USING INDEX trade_records_import') }]);
    writeFileSync(join(files.tradeDir, 'z-broken.csv'), `${TRADE_HEADER_LINE.replace('"Year"', '"Yr"')}\n`);
    await expect(importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [files.tradeDir] })).rejects.toThrow(ImportRefused);
    expect(index()).toBe(before);
    expect(count(register, 'trade_records')).toBe(data.trade.length);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const { register, authority } = setup();
    const files = writeGenerated(temp.dir(), generatePermitData({ seed: 2, tradeRows: 3_000, registerRows: 10, anomalies: false }));
    const controller = new AbortController();
    const attempt = importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [files.tradeDir] }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(attempt).rejects.toThrow(ImportCancelled);
    expect([count(register, 'permit_imports'), count(register, 'trade_records')]).toEqual([0, 0]);
    expect(register.db.inTransaction).toBe(false);
  });

  it('validates the request: a register import needs its required columns mapped', async () => {
    const { register, authority } = setup();
    await expect(importPermitFiles(register, { authorityId: authority.id, format: 'register', paths: ['x.csv'], mapping: { columns: { number: 'No' } } })).rejects.toThrow(
      'mapping: no column given for documentType, issuedAt, officer, applicant, taxon, status',
    );
    await expect(importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [join(temp.dir(), 'missing.csv')] })).rejects.toThrow('paths: no file or folder at');
  });
});

describe('permit signals in assessments', () => {
  it('a draft scores with the latest analysis; locking freezes the signals; an earlier locked snapshot never changes', async () => {
    const { register, authority } = setup();
    const before = createAssessment(register, authority.id, { title: 'Before data', asOf: '2025-06-30' });
    transitionAssessment(as(register, SUBMITTER), before.id, 'submitted');
    transitionAssessment(as(register, REVIEWER), before.id, 'reviewed');
    const lockedBefore = lockAssessment(register, before.id);
    const frozen = register.db.prepare('SELECT snapshot, digest FROM assessments WHERE id = ?').get(before.id);
    expect('permitSignals' in assessmentSnapshot(register, before.id)).toBe(false);

    const data = generatePermitData({ seed: 3, tradeRows: 2_000, registerRows: 3_000, anomalies: true });
    const files = writeGenerated(temp.dir(), data);
    await importPermitFiles(register, { authorityId: authority.id, format: 'register', paths: [files.register], mapping: MAPPING });
    analyseAuthorityPermits(register, authority.id);

    // The locked assessment is untouched by the new data.
    expect(register.db.prepare('SELECT snapshot, digest FROM assessments WHERE id = ?').get(before.id)).toEqual(frozen);
    expect(scoreAssessment(register, before.id).chain.every((c) => c.signal === undefined)).toBe(true);
    expect(lockedBefore.digest).toBeTruthy();

    const draft = createAssessment(register, authority.id, { title: 'With data', asOf: '2025-06-30' });
    const snapshot = assessmentSnapshot(register, draft.id);
    const cell = snapshot.permitSignals!.cells.find((c) => c.stage === 'application_intake' && c.riskType === 'bribery')!;
    expect(cell.handled).toBeGreaterThan(500);
    expect(cell.flagged).toBeGreaterThan(0);
    const scored = scoreAssessment(register, draft.id).chain.find((c) => c.stage === 'application_intake' && c.riskType === 'bribery')!;
    expect(scored.signal!.perThousand).toBeCloseTo((cell.flagged * 1000) / cell.handled, 10);

    transitionAssessment(as(register, SUBMITTER), draft.id, 'submitted');
    transitionAssessment(as(register, REVIEWER), draft.id, 'reviewed');
    lockAssessment(register, draft.id);
    const stored = JSON.parse((register.db.prepare('SELECT snapshot FROM assessments WHERE id = ?').get(draft.id) as { snapshot: string }).snapshot);
    expect(stored.permitSignals.cells).toEqual(snapshot.permitSignals!.cells);
    // A later analysis changes nothing in the locked one.
    analyseAuthorityPermits(register, authority.id);
    expect(assessmentSnapshot(register, draft.id).permitSignals!.analysis.uid).toBe(snapshot.permitSignals!.analysis.uid);
  });
});
