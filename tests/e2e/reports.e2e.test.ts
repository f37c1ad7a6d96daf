import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { goTo } from './support/ui.js';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

/** Clicks an export button and returns the downloaded file's bytes and name. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button, exact: true }).click()])) as [Download, void];
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

async function selectBaseline(page: Page): Promise<void> {
  const select = page.locator('header').getByLabel('Assessment', { exact: true });
  const baseline = await select.locator('option', { hasText: '2025 baseline' }).getAttribute('value');
  await select.selectOption(baseline!);
}

describe('Reports in a real browser', () => {
  it('shows the quality check before export, and a preview of the report itself', async () => {
    const { page } = session;
    await goTo(page, 'Reports');
    await page.getByRole('heading', { name: 'Quality check before export' }).waitFor();
    expect(await page.getByText(/\d+ points to check/).first().textContent()).toMatch(/\d+ points to check/);
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    expect(await page.locator('.pi-report').first().textContent()).toContain('Veridia CITES Management Authority (demo)');
    await screenshot(page, 'reports-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('exports the locked baseline as PDF, HTML, XLSX, CSV and DOCX, each carrying the same digest', async () => {
    const { page } = session;
    await selectBaseline(page);
    await goTo(page, 'Reports');
    await page.locator('.pi-report [data-field="digest"]').first().waitFor();
    const digest = (await page.locator('.pi-report [data-field="digest"]').first().textContent())!.trim();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);

    const html = await download(page, 'Export HTML');
    expect(html.name).toMatch(/\.html$/);
    expect(html.bytes.toString('utf8')).toContain(`<meta name="permit-integrity-digest" content="${digest}"`);
    // Its signed manifest comes as a download of its own: the file's SHA-256, signed with the register's key.
    const sidecar = await download(page, `Save the signature file of ${html.name}`);
    expect(sidecar.name).toBe(`${html.name}.sig.json`);
    const manifest = JSON.parse(sidecar.bytes.toString('utf8')) as { sha256: string; digest: string; signature?: string; publicKey?: string };
    expect(manifest).toMatchObject({ sha256: createHash('sha256').update(html.bytes).digest('hex'), digest, signature: expect.stringMatching(/^[0-9a-f]{128}$/), publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const pdf = await download(page, 'Export PDF');
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
    const text = await parser.getText();
    await parser.destroy();
    expect(text.total).toBeGreaterThanOrEqual(3);
    expect(text.text.replace(/\s+/g, '')).toContain(digest);

    const xlsx = await download(page, 'Export XLSX workbook');
    const workbook = await JSZip.loadAsync(xlsx.bytes);
    expect(Object.keys(workbook.files)).toContain('xl/workbook.xml');
    expect(await workbook.file('xl/sharedStrings.xml')!.async('string')).toContain(digest);

    const docx = await download(page, 'Export action plan (DOCX)');
    expect(await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')).toContain(digest);

    await page.getByLabel('CSV table').selectOption('criteria');
    const csv = await download(page, 'Export CSV');
    expect(csv.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(csv.bytes.toString('utf8')).toContain('7.1(b)');
  });

  it('exports in French when French is chosen for the report', async () => {
    const { page } = session;
    await page.getByLabel('Report language').selectOption('fr');
    const html = await download(page, 'Export HTML');
    expect(html.bytes.toString('utf8')).toMatch(/<html[^>]*lang="fr"/);
  });
});

describe('Portfolio in a real browser', () => {
  it('names no authority and suppresses every figure of a one-authority register', async () => {
    const { page } = session;
    await goTo(page, 'Portfolio');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The heading shows before the portfolio is loaded; wait for its figures before reading the page.
    await page.getByText('suppressed (fewer than 3 authorities)').first().waitFor();
    const main = (await page.locator('main').textContent())!;
    expect(main).not.toContain('Veridia');
    expect(main).toContain('suppressed (fewer than 3 authorities)');
    await screenshot(page, 'portfolio-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
