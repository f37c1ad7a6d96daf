import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPackage } from '../../bench/synthetic.js';
import { dispatch } from '../../api/dispatch.js';
import { portfolioOf } from '../../api/portfolio-handlers.js';
import { createDemo } from '../../db/demo.js';
import type { Register } from '../../db/register.js';
import { closePdfBrowser } from '../../exports/pdf.js';
import { workerFile } from '../../jobs/runner.js';
import type { ImportedPackage, JobStatus } from '../../shared/api/jobs.js';
import type { ExportedFile } from '../../shared/report/formats.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };

async function call<T>(register: Register, method: string, input: unknown): Promise<T> {
  const answer = await dispatch(register, env, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

/** Polls jobs.progress as a screen would, keeping every status seen, until the job ends. */
async function follow(register: Register, start: JobStatus, onProgress?: (status: JobStatus) => void): Promise<{ final: JobStatus; seen: JobStatus[] }> {
  const seen = [start];
  for (;;) {
    const status = await call<JobStatus>(register, 'jobs.progress', { jobId: start.jobId });
    seen.push(status);
    onProgress?.(status);
    if (status.state !== 'running') return { final: status, seen };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const count = (register: Register, table: string) => (register.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('jobs in a worker thread', () => {
  beforeAll(() => {
    // The worker runs compiled code; like the CLI tests, this needs npm run build.
    expect(workerFile()).toMatch(/dist\/jobs\/worker\.js$/);
  });
  afterAll(closePdfBrowser);

  it('exports a report as XLSX with progress, on its own connection to the register file', async () => {
    const register = temp.open();
    createDemo(register);
    const start = await call<JobStatus>(register, 'jobs.start', { kind: 'reports.export', input: { id: 2, format: 'xlsx', language: 'fr' } });
    expect(start).toMatchObject({ state: 'running', kind: 'reports.export' });
    const { final } = await follow(register, start);
    expect(final.state).toBe('done');
    expect(final.done).toBe(final.total);
    const file = final.result as ExportedFile;
    expect(file.fileName).toMatch(/report-fr\.xlsx$/);
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'));
    expect(Object.keys(zip.files)).toContain('xl/workbook.xml');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('Mesures par famille');
    // The file's SHA-256 is in the audit log, as for the API call and the CLI, so verify --report can find it.
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const recorded = register.db.prepare("SELECT new_value AS value FROM audit_log WHERE action = 'export' AND entity = 'report' ORDER BY id DESC LIMIT 1").get() as { value: string };
    expect(JSON.parse(recorded.value)).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), format: 'xlsx', language: 'fr' });
  });

  it('the direct reports.export records the file it answers with in the audit log', async () => {
    const register = temp.open();
    createDemo(register);
    const file = await call<ExportedFile>(register, 'reports.export', { id: 1, format: 'csv', language: 'en' });
    const recorded = register.db.prepare("SELECT new_value AS value FROM audit_log WHERE action = 'export' AND entity = 'report' ORDER BY id DESC LIMIT 1").get() as { value: string };
    expect(JSON.parse(recorded.value).sha256).toBe(createHash('sha256').update(Buffer.from(file.contentBase64, 'base64')).digest('hex'));
  });

  it('prints a PDF on the main thread for a worker (warm Chromium)', async () => {
    const register = temp.open();
    createDemo(register);
    const start = await call<JobStatus>(register, 'jobs.start', { kind: 'reports.export', input: { id: 1, format: 'pdf', language: 'en' } });
    const { final, seen } = await follow(register, start);
    expect(final.state, JSON.stringify(final.error)).toBe('done');
    expect(Buffer.from((final.result as ExportedFile).contentBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(seen.map((s) => s.step)).toContain('print');
  });

  it('imports packages, each whole or refused with its reason', async () => {
    const register = temp.open();
    const start = await call<JobStatus>(register, 'jobs.start', {
      kind: 'packages.import',
      input: {
        packages: [
          { name: 'a.json', package: syntheticPackage(1, 12) },
          { name: 'broken.json', package: { format: 'nonsense' } },
          { name: 'b.json', package: syntheticPackage(2, 12) },
        ],
      },
    });
    const { final } = await follow(register, start);
    expect(final.state).toBe('done');
    const lines = final.result as ImportedPackage[];
    expect(lines.map((l) => [l.name, l.imported])).toEqual([
      ['a.json', true],
      ['broken.json', false],
      ['b.json', true],
    ]);
    expect(lines[1]!.reason).toMatch(/\$/);
    expect(lines[0]!.summary).toMatchObject({ name: 'Synthetic authority 1', controls: 12 });
    // Written by the worker, read here through the main thread's own connection.
    expect(count(register, 'authorities')).toBe(2);
    expect(count(register, 'controls')).toBe(24);
  });

  it('imports a folder of real files, naming the file that is not JSON', async () => {
    const register = temp.open();
    const folder = join(temp.dir(), 'packages');
    mkdirSync(folder);
    writeFileSync(join(folder, '1.json'), JSON.stringify(syntheticPackage(5, 8)));
    writeFileSync(join(folder, '2.json'), '{ not json');
    writeFileSync(join(folder, 'notes.txt'), 'ignored');
    const start = await call<JobStatus>(register, 'jobs.start', { kind: 'folder.import', input: { folder } });
    const { final } = await follow(register, start);
    const lines = final.result as ImportedPackage[];
    expect(lines.map((l) => [l.name, l.imported])).toEqual([
      ['1.json', true],
      ['2.json', false],
    ]);
    expect(lines[1]!.reason).toMatch(/not valid JSON/);
    const missing = await call<JobStatus>(register, 'jobs.start', { kind: 'folder.import', input: { folder: join(folder, 'nope') } });
    const failed = (await follow(register, missing)).final;
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'invalid' } });
    expect(failed.error!.message).toMatch(/no such folder/);
  });

  it('cancelling an import part-way leaves the register exactly as it was', async () => {
    // The test polls from the main thread while the job writes in its worker: on a loaded machine the
    // writes can all land between two polls. Then the scenario is run again with more packages, so
    // that the cancel does arrive part-way; what is asserted is the same every time.
    for (const size of [40, 120, 360]) {
      const register = temp.open();
      createDemo(register);
      const before = { authorities: count(register, 'authorities'), controls: count(register, 'controls'), audit: count(register, 'audit_log') };
      const packages = Array.from({ length: size }, (_, i) => ({ name: `p${i}.json`, package: syntheticPackage(100 + i, 150) }));
      const start = await call<JobStatus>(register, 'jobs.start', { kind: 'packages.import', input: { packages } });
      let cancelledAt = -1;
      const { final } = await follow(register, start, (status) => {
        // Cancel once a few packages are written inside the job's transaction.
        if (cancelledAt < 0 && status.state === 'running' && status.done >= packages.length + 3) {
          cancelledAt = status.done;
          void call(register, 'jobs.cancel', { jobId: start.jobId });
        }
      });
      if (final.state === 'done' && size < 360) continue; // finished before a poll saw it part-way
      expect(cancelledAt).toBeGreaterThan(packages.length);
      expect(final.state).toBe('cancelled');
      expect(final.result).toBeUndefined();
      expect({ authorities: count(register, 'authorities'), controls: count(register, 'controls'), audit: count(register, 'audit_log') }).toEqual(before);
      const verify = await call<{ ok: boolean }>(register, 'audit.verify', {});
      expect(verify.ok).toBe(true);
      return;
    }
  }, 120_000);

  it('cancelling an export drops its file', async () => {
    const register = temp.open();
    createDemo(register);
    const start = await call<JobStatus>(register, 'jobs.start', { kind: 'reports.export', input: { id: 2, format: 'docx', language: 'en' } });
    const cancelled = await call<JobStatus>(register, 'jobs.cancel', { jobId: start.jobId });
    expect(cancelled.jobId).toBe(start.jobId);
    const { final } = await follow(register, start);
    expect(final.state).toBe('cancelled');
    expect(final.result).toBeUndefined();
  });

  it('builds the portfolio with the figures of the direct call', async () => {
    const register = temp.open();
    for (let i = 0; i < 6; i++) await call(register, 'packages.import', { package: syntheticPackage(i, 10) });
    const start = await call<JobStatus>(register, 'jobs.start', { kind: 'portfolio.build', input: { k: 5 } });
    const { final } = await follow(register, start);
    const { generatedAt: _a, ...fromJob } = final.result as ReturnType<typeof portfolioOf>;
    const { generatedAt: _b, ...direct } = portfolioOf(register, 5);
    expect(fromJob).toEqual(direct);
  });

  it('validates its input and names what is wrong', async () => {
    const register = temp.open();
    createDemo(register);
    const bad = async (method: string, input: unknown) => {
      const answer = await dispatch(register, env, method, input);
      return answer.ok ? null : answer.error;
    };
    expect(await bad('jobs.start', { kind: 'mine.bitcoin', input: {} })).toMatchObject({ code: 'invalid_input' });
    expect((await bad('jobs.start', { kind: 'reports.export', input: { id: 2, format: 'rtf', language: 'en' } }))!.message).toMatch(/input\.format/);
    expect(await bad('jobs.start', { kind: 'reports.export', input: { id: 999, format: 'csv', language: 'en' } })).toMatchObject({ code: 'not_found' });
    expect((await bad('jobs.start', { kind: 'portfolio.export', input: { document: 'guideline', format: 'xlsx', language: 'en' } }))!.message).toMatch(/cannot be exported as XLSX/);
    expect(await bad('jobs.progress', { jobId: 'abc' })).toMatchObject({ code: 'invalid_input' });
    expect(await bad('jobs.progress', { jobId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'not_found' });
    expect(await bad('jobs.start', { kind: 'packages.import', input: { packages: [] } })).toMatchObject({ code: 'invalid_input' });
  });
});
