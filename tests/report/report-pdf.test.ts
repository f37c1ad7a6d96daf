import { PDFParse } from 'pdf-parse';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closePdfBrowser, documentLanguage, htmlToPdf, pdfFooterTemplate } from '../../exports/pdf.js';
import { renderReportHtml } from '../../report/render.js';
import { reportFormat } from '../../shared/report/strings.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { BASELINE, DRAFT, demoRegister, reportDataOf } from './report-fixture.js';

const temp = useTempRegisters();
afterAll(closePdfBrowser);

async function pdfText(bytes: Uint8Array): Promise<{ total: number; text: string; pages: string[] }> {
  // pdf.js transfers the buffer it is given to its worker; a copy keeps the caller's bytes readable.
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const result = await parser.getText();
    const flat = (text: string) => text.replace(/[ \t\r\n]+/g, ' ');
    return { total: result.total, text: flat(result.text), pages: result.pages.map((p) => flat(p.text)) };
  } finally {
    await parser.destroy();
  }
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('htmlToPdf (Chromium)', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('prints the locked baseline on A4 with page numbers, the authority, the overall score and the digest', async () => {
    const data = reportDataOf(demoRegister(() => temp.open()), BASELINE);
    const bytes = await htmlToPdf(renderReportHtml(data, 'en', { forPrint: true }));
    expect(latin1(bytes.subarray(0, 5))).toBe('%PDF-');
    const { total, text, pages } = await pdfText(bytes);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain(data.authority.name);
    expect(pages[0]).toContain(data.assessment.digest!);
    // Cover on page 1, the executive summary within pages 2 and 3, the next section from page 4.
    expect(pages[1]!.startsWith('Executive summary')).toBe(true);
    expect(pages[3]!.startsWith('Quality check')).toBe(true);
    expect(text).toContain(`${reportFormat('en').score(data.view.scores.overall)} out of 100`);
    expect(text).toContain(data.assessment.digest!);
    expect(text).toContain(`Page 1 / ${total}`);
    expect(text).toContain(`Page ${total} / ${total}`);
    // Every page is A4 as Chromium measures it (8.27 × 11.71 in).
    const boxes = latin1(bytes).match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThanOrEqual(total);
    for (const box of boxes) expect(box).toMatch(/\[\s*0 0 595\.9\d* 842\.8\d*\s*\]/);
  });

  it('prints a Spanish draft with its footer in Spanish', async () => {
    const data = reportDataOf(demoRegister(() => temp.open()), DRAFT);
    const bytes = await htmlToPdf(renderReportHtml(data, 'es', { forPrint: true }));
    const { total, text } = await pdfText(bytes);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Resumen ejecutivo');
    expect(text).toContain(`${reportFormat('es').score(data.view.scores.overall)} sobre 100`);
    expect(text).toContain(`Página 1 / ${total}`);
  });

  it('uses the printer it is given (Electron) instead of Chromium', async () => {
    const seen: string[] = [];
    const bytes = await htmlToPdf('<!doctype html><html lang="fr"><body>x</body></html>', async (html) => {
      seen.push(html);
      return new Uint8Array([37, 80, 68, 70]);
    });
    expect(seen).toHaveLength(1);
    expect([...bytes]).toEqual([37, 80, 68, 70]);
  });

  it('names the missing browser and how to install it', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await expect(htmlToPdf('<!doctype html><html lang="en"></html>')).rejects.toThrow(/not found at \/nonexistent\/chromium.*apt-get install chromium.*CHROMIUM_PATH/);
  });

  it('writes the footer in the document language, with Chromium’s page counters', () => {
    expect(documentLanguage('<!doctype html>\n<html lang="es" class="for-print">')).toBe('es');
    expect(documentLanguage('<html>')).toBe('en');
    const footer = pdfFooterTemplate('<html lang="fr">');
    expect(footer).toContain('Page <span class="pageNumber"></span> / <span class="totalPages"></span>');
    expect(pdfFooterTemplate('<html lang="es">')).toMatch(/^<div[^>]*>Página /);
  });
});
