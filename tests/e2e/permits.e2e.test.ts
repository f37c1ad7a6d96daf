import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_HEADER, REGISTER_MAPPING } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { writeGenerated } from '../permits/files.js';
import { registerRow, writeWorkbook } from '../permits/xlsx-files.js';
import { screenshot } from './support/app.js';
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

  it('maps the columns of an XLSX register by hand, saves the mapping as a profile, picks it again and imports', async () => {
    const { page } = session;
    // An export whose names for four required fields match nothing the app knows: the user maps those.
    const renamed: Record<string, string> = { 'Permit No.': 'Ref', Issued: 'Signed at', 'Issuing officer': 'Clerk', Status: 'State of permit' };
    const permits = generatePermitData({ seed: 17, tradeRows: 10, registerRows: 300, anomalies: true }).register;
    const file = join(dir, 'hand-kept register.xlsx');
    await writeWorkbook(file, permits.map((p, i) => registerRow(p, i % 2 === 0)), { header: REGISTER_HEADER.map((h) => renamed[h] ?? h) });
    expect((await apiFromPage(page, 'permits.saveMapping', { profile: { name: 'Generated e-permits', format: 'register', columns: REGISTER_MAPPING } })).ok).toBe(true);

    await goTo(page, 'Permit data');
    await page.getByRole('heading', { name: 'Permit data', level: 1 }).waitFor();
    await page.getByLabel('Format').selectOption('register');
    await page.getByLabel('Files or folders on this computer, one per line').fill(file);
    await page.getByRole('button', { name: 'Read the columns' }).click();
    const rows = page.getByRole('region', { name: 'First rows of hand-kept register.xlsx' });
    await rows.waitFor();
    expect(await rows.locator('tbody tr').count()).toBe(5);
    expect(await rows.locator('tbody tr').first().locator('td').first().textContent()).toBe(permits[0]!.number);
    // Names the app knows are mapped already; the four renamed required fields are not, and the import waits for them.
    expect(await page.getByLabel('Applicant (required)', { exact: true }).inputValue()).toBe('Applicant');
    expect(await page.getByLabel('Endorsed quantity', { exact: true }).inputValue()).toBe('Endorsed quantity');
    const status = page.getByTestId('permits-mapping-status');
    expect(await status.textContent()).toBe('Still to map (required): Permit number, Issued at, Issuing officer, Status.');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Status (required)', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Permit number (required)', { exact: true }).selectOption('Ref');
    await page.getByLabel('Issued at (required)', { exact: true }).selectOption('Signed at');
    await page.getByLabel('Issuing officer (required)', { exact: true }).selectOption('Clerk');
    await page.getByLabel('Status (required)', { exact: true }).selectOption('State of permit');
    expect(await status.textContent()).toBe('Every required field has a column.');

    await page.getByLabel('Name of this mapping').fill('Hand-kept XLSX');
    await page.getByRole('button', { name: 'Save this mapping' }).click();
    expect(await page.getByTestId('permits-mapping-saved').textContent()).toBe('Mapping saved as “Hand-kept XLSX”.');
    const profiles = page.getByLabel('Column mapping');
    expect(await profiles.inputValue()).toBe('Hand-kept XLSX');
    // Picking another profile changes every select; picking the saved one brings the hand mapping back.
    await profiles.selectOption('Generated e-permits');
    expect(await page.getByLabel('Permit number (required)', { exact: true }).inputValue()).toBe('Permit No.');
    expect(await page.getByLabel('Permit number (required)', { exact: true }).locator('option:checked').textContent()).toBe('Permit No. (not in this file)');
    await profiles.selectOption('Hand-kept XLSX');
    expect(await page.getByLabel('Permit number (required)', { exact: true }).inputValue()).toBe('Ref');
    expect(await page.getByLabel('Status (required)', { exact: true }).inputValue()).toBe('State of permit');
    const saved = await apiFromPage<Array<{ name: string; columns: Record<string, string> }>>(page, 'permits.mappings', {});
    expect(saved.ok && saved.value.find((p) => p.name === 'Hand-kept XLSX')!.columns).toEqual({ ...REGISTER_MAPPING, number: 'Ref', issuedAt: 'Signed at', officer: 'Clerk', status: 'State of permit' });

    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    await page.getByTestId('permits-mapping').scrollIntoViewIfNeeded();
    await screenshot(page, 'permits-mapping-1024', { docs: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('permits-import-message').filter({ hasText: /^Imported/ }).waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('permits-import-message').textContent()).toBe('Imported: 300 rows read, 300 stored, 0 rejected.');
    await page.setViewportSize({ width: 1400, height: 1000 });
  }, 300_000);
});
