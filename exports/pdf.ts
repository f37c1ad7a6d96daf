import { existsSync } from 'node:fs';
import { reportStrings } from '../shared/report/strings.js';
import { withPdfBrowser } from './pdf-browser.js';

export { closePdfBrowser, PDF_IDLE_MS, pdfBrowserStatus, setPdfIdleTimeout } from './pdf-browser.js';

/** Prints a self-contained HTML document to PDF bytes; Electron passes one built on printToPDF. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Page margins shared by every printer; they match the @page rule of report/styles.ts. */
export const PDF_MARGINS_MM = { top: 16, right: 15, bottom: 18, left: 15 } as const;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The document's language from its <html lang>, so the footer speaks it too. */
export function documentLanguage(html: string): string {
  return /<html[^>]*\slang="([a-z]{2})"/i.exec(html)?.[1]?.toLowerCase() ?? 'en';
}

/**
 * "Page X / Y" at the foot of every page. Chromium fills the pageNumber and
 * totalPages spans; the template needs its own font size (the default is tiny)
 * and may not load anything.
 */
export function pdfFooterTemplate(html: string): string {
  const page = reportStrings(documentLanguage(html))('document.common.page');
  return `<div style="width:100%;font-family:'Liberation Sans',Arial,sans-serif;font-size:9px;color:#4b5563;padding:0 15mm;text-align:right;">${page} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
}

/** Chromium for the CLI and browser mode: CHROMIUM_PATH, else the distribution's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

const mm = (value: number) => `${value}mm`;

/** Chromium's print settings for a report: A4, backgrounds, the page-number footer, the margins of PAGE_CSS. */
export function pdfPrintOptions(html: string) {
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: pdfFooterTemplate(html),
    margin: { top: mm(PDF_MARGINS_MM.top), right: mm(PDF_MARGINS_MM.right), bottom: mm(PDF_MARGINS_MM.bottom), left: mm(PDF_MARGINS_MM.left) },
  };
}

/**
 * Prints through Chromium (playwright-core drives an installed browser; it
 * downloads nothing). The browser stays warm between prints (pdf-browser.ts);
 * each print gets its own context, closed after. Imported lazily so the
 * Electron app, which prints with its own engine, never loads playwright.
 */
async function printWithChromium(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `PDF export needs Chromium, which was not found at ${executablePath}. Install it (for example "apt-get install chromium" on Debian or Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome executable; HTML, XLSX, CSV and DOCX exports work without it.`,
    );
  }
  return withPdfBrowser(executablePath, CHROMIUM_ARGS, async (browser) => {
    // The report has no script and loads nothing; JavaScript off makes sure of the first.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf(pdfPrintOptions(html));
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close();
    }
  });
}

/** The report HTML as an A4 PDF with page numbers, through the given printer or else Chromium. */
export async function htmlToPdf(html: string, printer?: PdfPrinter): Promise<Uint8Array> {
  return printer ? printer(html) : printWithChromium(html);
}
