import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_MAPPING } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { writeGenerated } from '../permits/files.js';
import { seriousViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { apiFromPage, goTo } from './support/ui.js';

let session: Session;
let dir: string;
beforeAll(async () => {
  session = await openSession();
  dir = mkdtempSync(join(tmpdir(), 'pi-permits-e2e-'));
});
afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Permit data in a real browser', () => {
  it('imports a generated register with a saved mapping, analyses it, and shows tiles, a chart, the flagged table, the chain signal and the report annex', async () => {
    const { page } = session;
    const files = writeGenerated(dir, generatePermitData({ seed: 13, tradeRows: 100, registerRows: 2_500, anomalies: true }), 1);
    expect((await apiFromPage(page, 'permits.saveMapping', { profile: { name: 'Generated e-permits', format: 'register', columns: REGISTER_MAPPING } })).ok).toBe(true);

    await goTo(page, 'Permit data');
    await page.getByRole('heading', { name: 'Permit data', level: 1 }).waitFor();
    await page.getByLabel('Format').selectOption('register');
    await page.getByLabel('Column mapping').selectOption('Generated e-permits');
    await page.getByLabel('Files or folders on this computer, one per line').fill(files.register);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('permits-import-message').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('permits-import-message').textContent()).toBe('Imported: 2,500 rows read, 2,500 stored, 0 rejected.');

    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page.getByTestId('permits-tiles').waitFor({ timeout: 60_000 });
    expect(Number((await page.getByTestId('permits-flagged').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('permits-chart-month').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('permits-chart-month').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    await page.getByLabel('Kind', { exact: true }).selectOption('out-of-hours');
    await page.getByTestId('permits-table').locator('tbody tr td', { hasText: 'Out-of-hours issuance' }).first().waitFor();
    expect(await page.getByTestId('permits-table').locator('th', { hasText: 'Officer' }).count()).toBe(0);
    // The run becomes dated evidence of a control (the first one listed).
    const control = page.getByLabel('Control this analysis monitors');
    await control.locator('option', { hasText: /electronic|e-permit/i }).first().waitFor({ state: 'attached' });
    await control.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Attach this analysis as evidence' }).click();
    await page.getByRole('status').filter({ hasText: /^Attached as evidence: Permit-data analysis of \d{4}-\d{2}-\d{2}: \d+ permits flagged/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing scrolls sideways at 1024 px.
    await page.setViewportSize({ width: 1024, height: 900 });
    // The charts re-measure after a resize: let the layout settle, then it must fit.
    await expect.poll(() => page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    await page.setViewportSize({ width: 1400, height: 1000 });

    // The assessor rates intake bribery as rare; the data (processing-time outliers) suggest more.
    const detail = await apiFromPage<{ assessment: { id: number } }>(page, 'assessments.list', { authorityId: 1 });
    const draft = (detail.ok ? (detail.value as unknown as Array<{ id: number; status: string }>) : []).find((a) => a.status === 'draft')!;
    expect((await apiFromPage(page, 'assessments.setChainCell', { id: draft.id, cell: { stage: 'application_intake', riskType: 'bribery', likelihood: 1, impact: 4 } })).ok).toBe(true);
    await page.reload();
    await goTo(page, 'Chain risk');
    const signal = page.getByTestId('chain-cell-application_intake-bribery-signal');
    await signal.waitFor();
    expect(await signal.textContent()).toMatch(/flagged per 1,000 permits, suggests L [2-5] \(rated 1\)/);

    await goTo(page, 'Reports');
    // The preview shows one section at a time; the annexes close the report.
    await page.getByRole('navigation', { name: 'Sections of the report' }).getByRole('button', { name: 'Methodology', exact: true }).click({ timeout: 60_000 });
    const annex = page.locator('.pi-report [data-section="permit-signals"]').first();
    await annex.waitFor({ timeout: 60_000 });
    expect(await annex.locator('h2').textContent()).toBe('Annex D. Permit-data signals');
    expect(await annex.locator('tr[data-cell="application_intake/bribery"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  }, 300_000);
});
