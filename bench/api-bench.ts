import { join } from 'node:path';
import { importPackage } from '../db/package-import.js';
import { closeRegister, openRegister } from '../db/register.js';
import { startBrowserServer } from '../cli/serve/server.js';
import { recordLimit, timeOf, record, ms } from './harness.js';
import { syntheticPackage } from './synthetic.js';

export const BIG = 10_000;

/** API answers at 10,000 controls, over browser mode's real HTTP transport (what the renderer waits for). */
export async function apiBench(folder: string, rendererDir: string): Promise<void> {
  console.log(`\nAPI at ${BIG} controls (browser mode over HTTP)`);
  const register = openRegister(join(folder, 'api-bench.sqlite'));
  importPackage(register, syntheticPackage(0, BIG));
  const assessmentId = (register.db.prepare('SELECT id FROM assessments LIMIT 1').get() as { id: number }).id;
  const authorityId = (register.db.prepare('SELECT id FROM authorities LIMIT 1').get() as { id: number }).id;
  const server = await startBrowserServer({ register, rendererDir, version: 'bench' });
  const call = async (method: string, input: unknown): Promise<{ bytes: number; value: unknown }> => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Permit-Integrity-Token': server.token },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    const parsed = JSON.parse(text) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!parsed.ok) throw new Error(`${method}: ${parsed.error?.message}`);
    return { bytes: Buffer.byteLength(text), value: parsed.value };
  };
  try {
    const get = await call('assessments.get', { id: assessmentId });
    recordLimit(`assessments.get at ${BIG} controls, answer size`, get.bytes / 2 ** 20, 'MB', 1);
    const getTime = await timeOf(() => call('assessments.get', { id: assessmentId }));
    recordLimit(`assessments.get at ${BIG} controls, round trip`, getTime.median, 'ms', 50, `(${getTime.min.toFixed(1)}–${getTime.max.toFixed(1)})`);
    let maturity = 0;
    const edit = () =>
      call('assessments.setOverride', { id: assessmentId, criterionId: '7.1(a)', override: { maturity: (maturity = (maturity + 1) % 5), justification: 'Benchmark override, alternating maturity.' } });
    const editAnswer = await edit();
    const editTime = await timeOf(edit);
    recordLimit(`one criterion edit at ${BIG} controls, round trip`, editTime.median, 'ms', 50, `(${editTime.min.toFixed(1)}–${editTime.max.toFixed(1)}; answer ${(editAnswer.bytes / 1024).toFixed(1)} KB)`);
    const list = await call('controls.list', { authorityId, asOf: '2026-10-31', offset: 0, limit: 200 }).catch(() => call('controls.list', { authorityId, asOf: '2026-10-31' }));
    const listTime = await timeOf(() => call('controls.list', { authorityId, asOf: '2026-10-31', offset: 0, limit: 200 }).catch(() => call('controls.list', { authorityId, asOf: '2026-10-31' })));
    record({ measure: `controls.list at ${BIG} controls (first window)`, subject: `${ms(listTime)}, ${(list.bytes / 1024).toFixed(0)} KB`, baseline: '—', ratio: '—', goal: '—', pass: null });
  } finally {
    await server.close();
    closeRegister(register);
  }
}
