import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
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
  it('imports generated permit data, analyses it, and shows tiles, the charts and their tables, the flagged table with its records, filters and exports, the chain signal and the report annex', async () => {
    const { page } = session;
    const files = writeGenerated(dir, generatePermitData({ seed: 13, tradeRows: 3_000, registerRows: 2_500, anomalies: true }), 1);
    expect((await apiFromPage(page, 'permits.saveMapping', { profile: { name: 'Generated e-permits', format: 'register', columns: REGISTER_MAPPING } })).ok).toBe(true);

    await goTo(page, 'Permit data');
    await page.getByRole('heading', { name: 'Permit data', level: 1 }).waitFor();
    await page.getByLabel('Format').selectOption('register');
    await page.getByLabel('Column mapping').selectOption('Generated e-permits');
    await page.getByLabel('Files or folders on this computer, one per line').fill(files.register);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('permits-import-message').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('permits-import-message').textContent()).toBe('Imported: 2,500 rows read, 2,500 stored, 0 rejected.');

    // Trade lines too, for the source-share chart and trade flags (through the API, as the panel would).
    expect((await apiFromPage(page, 'permits.import', { jobId: 'e2e-trade', authorityId: 1, format: 'trade-db', paths: [files.tradeDir] })).ok).toBe(true);

    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page.getByTestId('permits-tiles').waitFor({ timeout: 60_000 });
    expect(Number((await page.getByTestId('permits-flagged').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('permits-chart-month').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('permits-chart-month').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    await checkAnalysisCharts(page);
    await page.getByLabel('Kind', { exact: true }).selectOption('out-of-hours');
    await page.getByTestId('permits-table').locator('tbody tr td', { hasText: 'Out-of-hours issuance' }).first().waitFor();
    expect(await page.getByTestId('permits-table').locator('th', { hasText: 'Officer' }).count()).toBe(0);
    await checkRecordsDialog(page);
    await checkXlsxExport(page);
    await checkPeopleFilters(page);
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

    // A fresh screen, whatever the test before left chosen (a profile picked there would map everything).
    await page.reload();
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

type Page = Session['page'];

/** The permit number of an opener button, without its hidden " open the records…" suffix. */
const permitOf = (text: string | null) => (text ?? '').replace(/ open the records behind this flag$/, '');

/** Officer concentration and source shares: drawn, named, reachable by keyboard, and readable as tables. */
async function checkAnalysisCharts(page: Page) {
  const officers = page.getByTestId('permits-chart-officers');
  await officers.locator('.recharts-bar-rectangle').first().waitFor();
  // The chart's surface is focusable and named; arrow keys show a bar's figures.
  const surface = officers.locator('svg[role="application"]');
  expect(await surface.getAttribute('tabindex')).toBe('0');
  expect(await surface.locator('title').textContent()).toMatch(/^Bar chart of the HHI and the share of permits of the \d+ officers/);
  await surface.focus();
  await page.keyboard.press('ArrowRight');
  await officers.locator('.recharts-tooltip-wrapper', { hasText: 'HHI' }).waitFor();
  // People are hidden: officers are known by rank only, in the chart and in its table.
  await officers.getByText('Show the figures as a table').click();
  const officerRows = officers.locator('table tbody tr');
  expect(await officerRows.first().locator('th').textContent()).toBe('Officer 1');
  expect(await officers.textContent()).not.toMatch(/p-[0-9a-f]{16}/);
  const shares = (await officerRows.locator('td:nth-of-type(2)').allTextContents()).map((text) => Number(text.replace(/[^\d.]/g, '')));
  expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThan(99);

  const sources = page.getByTestId('permits-chart-sources');
  await sources.locator('.recharts-bar-rectangle').first().waitFor();
  expect(await sources.locator('svg[role="application"] title').textContent()).toMatch(/^Stacked bar chart of the shares of wild, captive or ranched, and other sources over \d+ years$/);
  await sources.getByText('Show the figures as a table').click();
  const years = sources.locator('table tbody tr');
  expect(await years.count()).toBeGreaterThan(1);
  expect(await sources.locator('table thead th').allTextContents()).toEqual(['Year', 'Lines', 'Wild (W)', 'Captive or ranched (C, D, F, R)', 'Other sources']);
  // One exporter: fewer lines in the first year.
  const allLines = Number((await years.first().locator('td').first().textContent())!.replace(/\D/g, ''));
  const exporter = sources.getByLabel('Exporter');
  await exporter.selectOption({ index: 1 });
  await expect.poll(async () => Number((await years.first().locator('td').first().textContent())!.replace(/\D/g, '')), { timeout: 10_000 }).toBeLessThan(allLines);
  await exporter.selectOption('');
  expect(await seriousViolations(page)).toEqual([]);
}

/** A flagged row opens the records behind it; focus stays in the dialog and comes back on Escape. */
async function checkRecordsDialog(page: Page) {
  const table = page.getByTestId('permits-table');
  const opener = table.locator('tbody button.permits-open').first();
  const permit = permitOf(await opener.textContent());
  await opener.click();
  const dialog = page.getByRole('dialog', { name: `Records behind ${permit}` });
  await dialog.waitFor();
  await dialog.getByRole('table', { name: 'Register permits involved' }).waitFor();
  expect(await dialog.locator('tbody tr[data-role="flagged"] td').first().textContent()).toBe(permit);
  expect(await dialog.locator('th', { hasText: 'Officer' }).count()).toBe(0);
  expect(await dialog.getByTestId('permits-records-count').textContent()).toMatch(/^(1 of 1 record|\d+ of \d+ records)$/);
  expect(await page.evaluate('document.activeElement?.closest("dialog") !== null')).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await page.evaluate('document.activeElement?.classList.contains("permits-open") ? document.activeElement.firstChild.textContent : null')).toBe(permit);

  // A Trade Database flag: the shipment lines of both reporters under its export permit.
  await page.getByLabel('Kind', { exact: true }).selectOption('reporting-mismatch');
  // The list reloads after the filter changes: read its first row only once every row shows the new kind.
  await expect.poll(async () => new Set(await table.locator('tbody tr td:first-child').allTextContents())).toEqual(new Set(['Reporting mismatch']));
  const tradeOpener = table.locator('tbody button.permits-open').first();
  await tradeOpener.waitFor();
  const tradePermit = permitOf(await tradeOpener.textContent());
  await tradeOpener.focus();
  await page.keyboard.press('Enter');
  const tradeDialog = page.getByRole('dialog', { name: `Records behind ${tradePermit}` });
  const lines = tradeDialog.getByRole('table', { name: `Shipment lines under export permit ${tradePermit}, as the exporter and the importer reported them` });
  await lines.waitFor();
  const reporters = new Set(await lines.locator('tbody tr td:first-child').allTextContents());
  expect(reporters).toEqual(new Set(['Exporter', 'Importer']));
  await tradeDialog.getByRole('button', { name: 'Close' }).click();
  await tradeDialog.waitFor({ state: 'hidden' });
  await page.getByLabel('Kind', { exact: true }).selectOption('out-of-hours');
  await expect.poll(async () => new Set(await table.locator('tbody tr td:first-child').allTextContents())).toEqual(new Set(['Out-of-hours issuance']));
}

/** The XLSX export holds the filtered list as shown: one row per flag, no people columns. */
async function checkXlsxExport(page: Page) {
  const shown = Number((await page.getByTestId('permits-shown').textContent())!.replace(/\D/g, ''));
  const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Download XLSX: flagged permits' }).click()])) as [Download, void];
  expect(file.suggestedFilename()).toMatch(/^flagged-permits-\d{4}-\d{2}-\d{2}-en\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe('Flagged permits');
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Kind', 'Source', 'Permit', 'Date', 'Taxon', 'Details']);
  expect(sheet.rowCount).toBe(shown + 1);
  expect(sheet.getRow(2).getCell(1).value).toBe('Out-of-hours issuance');
}

/** With people shown: officer and applicant columns, the officer filter, and the officer chart by pseudonym. */
async function checkPeopleFilters(page: Page) {
  // Hold the list with people back: until it comes, the table keeps the columns of the list it shows
  // (an Officer column drawn over rows fetched without people would be empty).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/permits.flags', async (route) => {
    if (route.request().postData()?.includes('"withPeople":true')) await held;
    await route.continue();
  });
  const asked = page.waitForRequest((r) => r.url().endsWith('/api/permits.flags') && (r.postData() ?? '').includes('"withPeople":true'));
  await page.getByLabel('Show officers and applicants (personal data)').check();
  await asked;
  const table = page.getByTestId('permits-table');
  expect(await table.locator('th', { hasText: 'Officer' }).count()).toBe(0);
  release();
  await table.locator('th', { hasText: 'Officer' }).waitFor();
  await page.unroute('**/api/permits.flags');
  const officer = (await table.locator('tbody tr td:nth-child(5)').first().textContent())!;
  expect(officer).toMatch(/^p-[0-9a-f]{16}$/);
  await page.getByLabel('Officer (pseudonym)').fill(officer);
  await expect.poll(async () => new Set(await table.locator('tbody tr td:nth-child(5)').allTextContents())).toEqual(new Set([officer]));
  await page.getByTestId('permits-chart-officers').locator('table tbody th', { hasText: /^p-[0-9a-f]{16}$/ }).first().waitFor();
  await page.getByLabel('Officer (pseudonym)').fill('');
  await page.getByLabel('Show officers and applicants (personal data)').uncheck();
  await table.locator('th', { hasText: 'Officer' }).waitFor({ state: 'detached' });
}
