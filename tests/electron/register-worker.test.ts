import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { progressBarValue, RegisterClient } from '../../electron/register-client.js';
import type { AuthorityRecord } from '../../shared/domain/records.js';

/**
 * The register worker (off Electron's main thread) as the app starts it: a
 * real worker thread running the compiled dist/electron/register-worker.js on
 * real registers (npm run build first). Electron's printToPDF is played by a
 * stand-in printer on the main-thread side.
 */
const WORKER = fileURLToPath(new URL('../../dist/electron/register-worker.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'permit-integrity-worker-'));
const clients: RegisterClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  rmSync(folder, { recursive: true, force: true });
});

function client(options: Partial<ConstructorParameters<typeof RegisterClient>[0]> = {}) {
  if (!existsSync(WORKER)) throw new Error('run npm run build first: dist/electron/register-worker.js is missing');
  const progress: number[] = [];
  const created = new RegisterClient({ workerFile: WORKER, version: '0.1.0-test', onProgress: (value) => progress.push(value), ...options });
  clients.push(created);
  return { client: created, progress };
}

describe('the register worker', () => {
  it('opens the user register, loads the demo on request and answers API calls with the result union', async () => {
    const { client: worker } = client();
    const file = join(folder, 'user.sqlite');
    expect(await worker.open(file, 'user')).toEqual({ ok: true, value: { file } });
    // A new register opens empty (the first-run choice); "explore the demo" loads it.
    expect(await worker.call('register.loadDemo', {})).toMatchObject({ ok: true });
    const list = await worker.call('authorities.list', {});
    expect(list.ok && (list.value as AuthorityRecord[]).length).toBeGreaterThan(0);
    expect(await worker.call('authorities.list', { sneaky: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await worker.call('register.delete', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await worker.call('app.info', {})).toMatchObject({ ok: true, value: { version: '0.1.0-test', registerFile: file } });
  });

  it('keeps the current register when another cannot be opened', async () => {
    const { client: worker } = client();
    const file = join(folder, 'keep.sqlite');
    await worker.open(file, 'user');
    const notRegister = join(folder, 'not-a-register.sqlite');
    writeFileSync(notRegister, 'plain text, not SQLite '.repeat(100));
    expect(await worker.open(notRegister, 'existing')).toMatchObject({ ok: false });
    expect(await worker.open(join(folder, 'missing.sqlite'), 'existing')).toMatchObject({ ok: false });
    expect(await worker.call('app.info', {})).toMatchObject({ ok: true, value: { registerFile: file } });
  });

  it('exports every package with progress steps, shown on the progress bar until done', async () => {
    const { client: worker, progress } = client();
    await worker.open(join(folder, 'export.sqlite'), 'user');
    await worker.call('register.loadDemo', {});
    const out = join(folder, 'packages');
    mkdirSync(out);
    const steps: Array<[number, number]> = [];
    const result = await worker.request<{ files: string[] }>({ kind: 'exportAll', folder: out }, (done, total) => steps.push([done, total]));
    expect(result.ok).toBe(true);
    const count = readdirSync(out).length;
    expect(count).toBeGreaterThan(0);
    expect(steps[0]).toEqual([0, count]);
    expect(steps.at(-1)).toEqual([count, count]);
    // Indeterminate (2) when the job starts, the fraction as steps arrive, -1 (no bar) at the end.
    expect(progress).toContain(2);
    expect(progress).toContain(1);
    expect(progress.at(-1)).toBe(-1);
  });

  it('sends report HTML to the main thread for printing and returns the PDF', async () => {
    const printed: string[] = [];
    const { client: worker } = client({ printPdf: async (html) => (printed.push(html), new TextEncoder().encode('%PDF-1.7 stand-in')) });
    await worker.open(join(folder, 'print.sqlite'), 'user');
    await worker.call('register.loadDemo', {});
    const authorities = (await worker.call('authorities.list', {})) as { ok: true; value: AuthorityRecord[] };
    const assessments = (await worker.call('assessments.list', { authorityId: authorities.value[0]!.id })) as { ok: true; value: Array<{ id: number }> };
    const report = await worker.call('reports.export', { id: assessments.value[0]!.id, format: 'pdf', language: 'en' });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^<!doctype html>/i);
    expect(report).toMatchObject({ ok: true, value: { mediaType: 'application/pdf' } });
    if (report.ok) expect(Buffer.from((report.value as { contentBase64: string }).contentBase64, 'base64').toString()).toContain('%PDF-1.7 stand-in');
  });

  it('refuses to open a register with a driver build of another ABI, naming the fix', async () => {
    const wrong = join(folder, 'electron-build.node');
    writeFileSync(wrong, Buffer.from('\x7fELF node_register_module_v1\0'));
    const { client: worker } = client({ nativeBinding: wrong });
    const opened = await worker.open(join(folder, 'abi.sqlite'), 'user');
    expect(opened).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!opened.ok) expect(opened.error.message).toMatch(/built for module ABI 1, but the runtime loading it has ABI \d+\. Run "npm start"/);
  });

  it('answers every call once it is closed, never throws', async () => {
    const { client: worker } = client();
    await worker.open(join(folder, 'closed.sqlite'), 'user');
    await worker.close();
    expect(await worker.call('authorities.list', {})).toMatchObject({ ok: false, error: { code: 'internal', message: 'the register is closed' } });
  });
});

describe('progressBarValue', () => {
  it('is -1 with no long job, 2 (indeterminate) without steps, else the least advanced fraction', () => {
    expect(progressBarValue([])).toBe(-1);
    expect(progressBarValue([null])).toBe(2);
    expect(progressBarValue([null, { done: 1, total: 4 }])).toBe(0.25);
    expect(progressBarValue([{ done: 3, total: 4 }, { done: 1, total: 2 }])).toBe(0.5);
    expect(progressBarValue([{ done: 0, total: 0 }])).toBe(2);
  });
});
