import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { PDF_MARGINS_MM, pdfFooterTemplate, type PdfPrinter } from '../exports/pdf.js';

/**
 * Chromium refuses URLs longer than 2 MiB; a report of a large register can
 * exceed that once percent-encoded. Below this size the HTML goes in a data:
 * URL; above it, in a private temporary file that only this window loads.
 */
export const MAX_DATA_URL_CHARS = 1_900_000;

const inches = (mm: number) => mm / 25.4;

/**
 * Prints report HTML with Electron's own engine (no Chromium download, no
 * playwright): a hidden, sandboxed window loads the document, printToPDF
 * renders it on A4 with page numbers, and the window is destroyed. The
 * window is created like any other, so main.ts's 'web-contents-created'
 * hardening (no navigation, no new windows, no webviews) applies to it too.
 */
export function electronPdfPrinter(options: { tempDir?: () => string } = {}): PdfPrinter {
  return async (html: string) => {
    // The hardened preferences of security.ts, written out so Electronegativity can read them,
    // with no preload (this page gets no API at all) and JavaScript off (the report has none).
    const window = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
        javascript: false,
        devTools: false,
      },
    });
    let folder: string | null = null;
    try {
      const dataUrl = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
      if (dataUrl.length <= MAX_DATA_URL_CHARS) {
        await window.loadURL(dataUrl);
      } else {
        folder = await mkdtemp(join(options.tempDir?.() ?? app.getPath('temp'), 'permit-integrity-report-'));
        const file = join(folder, 'report.html');
        await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
        await window.loadURL(pathToFileURL(file).href);
      }
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: pdfFooterTemplate(html),
        margins: { top: inches(PDF_MARGINS_MM.top), right: inches(PDF_MARGINS_MM.right), bottom: inches(PDF_MARGINS_MM.bottom), left: inches(PDF_MARGINS_MM.left) },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      if (!window.isDestroyed()) window.destroy();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  };
}
