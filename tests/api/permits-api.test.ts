import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.js';
import { createDemo } from '../../db/demo.js';
import { listControls } from '../../db/controls.js';
import { readEvidenceFile } from '../../db/evidence.js';
import type { ApiResult } from '../../shared/api/methods.js';
import type { AnalysisSummary, ColumnPreview, ImportSummary, PermitFlagPage } from '../../shared/permits/summaries.js';
import { REGISTER_HEADER, REGISTER_MAPPING } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { assertCliBuilt } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { writeGenerated } from '../permits/files.js';
import { registerRow, writeWorkbook } from '../permits/xlsx-files.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };

// permits.import and permits.previewColumns run compiled workers (dist/db/permits/*-worker.js).
beforeAll(() => assertCliBuilt());

function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('permit API', () => {
  it('imports through a worker, analyses, pages filtered flags without people, and attaches the run as evidence', async () => {
    const register = temp.open();
    createDemo(register);
    const data = generatePermitData({ seed: 8, tradeRows: 2_000, registerRows: 2_000, anomalies: true });
    const files = writeGenerated(temp.dir(), data);

    const refused = await dispatch(register, env, 'permits.import', { jobId: 'x', authorityId: 1, format: 'register', paths: [files.register], mapping: { columns: { number: 'Permit No.' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!refused.ok && refused.error.message).toContain('no column given for documentType');

    const imported = ok<ImportSummary>(await dispatch(register, env, 'permits.import', { jobId: 'job-1', authorityId: 1, format: 'register', paths: [files.register], mapping: { columns: REGISTER_MAPPING } }));
    expect(imported.rowsStored).toBe(data.register.length);
    ok(await dispatch(register, env, 'permits.import', { jobId: 'job-2', authorityId: 1, format: 'trade-db', paths: [files.tradeDir] }));
    expect(ok(await dispatch(register, env, 'permits.progress', { jobId: 'job-2' }))).toBeNull();

    const summary = ok<AnalysisSummary>(await dispatch(register, env, 'permits.analyse', { authorityId: 1 }));
    expect(summary.registerPermits).toBe(data.register.length);
    const page = ok<PermitFlagPage>(await dispatch(register, env, 'permits.flags', { authorityId: 1, kind: 'out-of-hours', limit: 5 }));
    expect(page.total).toBe(summary.flagsByKind['out-of-hours']);
    expect(page.flags.length).toBe(Math.min(5, page.total));
    expect(page.flags.every((f) => f.kind === 'out-of-hours' && f.officer === null && f.applicant === null)).toBe(true);
    expect(page.analysis!.officerHhi).toEqual([]);
    const people = ok<PermitFlagPage>(await dispatch(register, env, 'permits.flags', { authorityId: 1, kind: 'out-of-hours', withPeople: true, limit: 1 }));
    expect(people.flags[0]!.officer).toMatch(/^p-/);
    const inWindow = ok<PermitFlagPage>(await dispatch(register, env, 'permits.flags', { authorityId: 1, from: '2025-01-01', to: '2025-12-31' }));
    expect(inWindow.flags.every((f) => f.date >= '2025-01-01' && f.date <= '2025-12-31')).toBe(true);

    const control = listControls(register, 1).find((c) => c.family === 'e_permitting')!;
    const evidence = ok<{ id: number; title: string; date: string; fileSha256: string }>(await dispatch(register, env, 'permits.attachEvidence', { authorityId: 1, controlId: control.id }));
    expect(evidence.date).toBe(summary.analysedAt.slice(0, 10));
    expect(evidence.title).toContain(`${summary.flaggedPermits} permits flagged`);
    const file = JSON.parse(readEvidenceFile(register, evidence.id)!.toString("utf8"));
    expect(file.inputDigest).toBe(summary.inputDigest);
    expect(JSON.stringify(file)).not.toMatch(/"officer"/);
  });

  it('previews a register file’s columns in a worker (CSV and XLSX), refusing missing files and bad input with a message', async () => {
    const register = temp.open();
    const data = generatePermitData({ seed: 12, tradeRows: 10, registerRows: 30, anomalies: false });
    const dir = temp.dir();
    const csv = writeGenerated(dir, data, 1).register;
    const xlsx = join(dir, 'register.xlsx');
    await writeWorkbook(xlsx, data.register.map((p) => registerRow(p, true)), { streaming: true });
    for (const path of [csv, xlsx]) {
      const preview = ok<ColumnPreview>(await dispatch(register, env, 'permits.previewColumns', { path }));
      expect(preview.columns).toEqual([...REGISTER_HEADER]);
      expect(preview.rows.map((r) => r[0])).toEqual(data.register.slice(0, 5).map((p) => p.number));
      expect(preview.rows.map((r) => r[3])).toEqual(data.register.slice(0, 5).map((p) => p.issuedAt));
    }
    const missing = await dispatch(register, env, 'permits.previewColumns', { path: join(dir, 'gone.xlsx') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(!missing.ok && missing.error.message).toBe(`path: no file or folder at ${join(dir, 'gone.xlsx')}`);
    writeFileSync(join(dir, 'fake.xlsx'), 'not a workbook');
    const fake = await dispatch(register, env, 'permits.previewColumns', { path: join(dir, 'fake.xlsx') });
    expect(!fake.ok && fake.error.message).toMatch(/^path: fake\.xlsx, line 0: the file is named \.xlsx but is not an XLSX workbook/);
    expect(await dispatch(register, env, 'permits.previewColumns', { path: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(register, env, 'permits.previewColumns', { path: csv, rows: 9 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('saves and lists mapping profiles, validating them', async () => {
    const register = temp.open();
    const saved = await dispatch(register, env, 'permits.saveMapping', { profile: { name: 'ePermit', format: 'register', columns: REGISTER_MAPPING, dateOrder: 'dmy' } });
    expect(saved.ok).toBe(true);
    expect(ok<Array<{ name: string }>>(await dispatch(register, env, 'permits.mappings', {})).map((p) => p.name)).toEqual(['ePermit']);
    const bad = await dispatch(register, env, 'permits.saveMapping', { profile: { name: 'x', format: 'register', columns: { nonsense: 'A' } } });
    expect(bad.ok).toBe(false);
  });
});

describe('the red-flag pass in a worker', () => {
  it('stores the run at the caller\'s clock on its own connection, and the app\'s connection scores with it at once', async () => {
    const at = '2026-11-20T09:30:00.000Z';
    const register = temp.open({ now: () => at });
    createDemo(register);
    const data = generatePermitData({ seed: 3, tradeRows: 500, registerRows: 500, anomalies: true });
    const files = writeGenerated(temp.dir(), data);
    ok(await dispatch(register, env, 'permits.import', { jobId: 'w-1', authorityId: 1, format: 'register', paths: [files.register], mapping: { columns: REGISTER_MAPPING } }));
    const summary = ok<AnalysisSummary>(await dispatch(register, env, 'permits.analyse', { authorityId: 1 }));
    expect(summary.analysedAt).toBe(at);
    // Stored by the worker, read here: the same run, with the same counts.
    const page = ok<PermitFlagPage>(await dispatch(register, env, 'permits.flags', { authorityId: 1, limit: 1 }));
    expect(page.analysis).toMatchObject({ uid: summary.uid, flaggedPermits: summary.flaggedPermits });
    // A refusal in the worker comes back as the register's own error, named.
    const empty = temp.open();
    createDemo(empty);
    expect(await dispatch(empty, env, 'permits.analyse', { authorityId: 1 })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('no permit data imported') } });
  });
});
