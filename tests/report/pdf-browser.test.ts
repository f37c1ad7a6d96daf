import { afterAll, describe, expect, it } from 'vitest';
import { closePdfBrowser, htmlToPdf, pdfBrowserStatus, setPdfIdleTimeout, PDF_IDLE_MS } from '../../exports/pdf.js';

const page = (text: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><p>${text}</p></body></html>`;
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('the warm PDF browser (real Chromium)', () => {
  afterAll(async () => {
    setPdfIdleTimeout(PDF_IDLE_MS);
    await closePdfBrowser();
  });

  it('prints two PDFs, one after the other and two at once, with one Chromium', async () => {
    await closePdfBrowser();
    const before = pdfBrowserStatus().launches;
    expect(isPdf(await htmlToPdf(page('first')))).toBe(true);
    expect(isPdf(await htmlToPdf(page('second')))).toBe(true);
    const both = await Promise.all([htmlToPdf(page('third')), htmlToPdf(page('fourth'))]);
    expect(both.every(isPdf)).toBe(true);
    expect(pdfBrowserStatus()).toEqual({ launches: before + 1, open: true });
  });

  it('closes the browser when idle, and starts a new one for the next print', async () => {
    await closePdfBrowser();
    setPdfIdleTimeout(300);
    const before = pdfBrowserStatus().launches;
    await htmlToPdf(page('before idle'));
    expect(pdfBrowserStatus().open).toBe(true);
    expect(await until(() => !pdfBrowserStatus().open, 10_000)).toBe(true);
    await htmlToPdf(page('after idle'));
    expect(pdfBrowserStatus().launches).toBe(before + 2);
  });

  it('does not close while a print is running, only after the last one', async () => {
    await closePdfBrowser();
    setPdfIdleTimeout(1);
    const long = page('x '.repeat(20_000));
    const launches = pdfBrowserStatus().launches;
    const bytes = await Promise.all([htmlToPdf(long), htmlToPdf(page('short'))]);
    expect(bytes.every(isPdf)).toBe(true);
    expect(pdfBrowserStatus().launches).toBe(launches + 1);
    expect(await until(() => !pdfBrowserStatus().open, 10_000)).toBe(true);
  });
});
