import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenedWebPreferences } from '../../electron/security.js';

/**
 * electron/pdf-printer.ts against a stand-in for Electron (Electron itself
 * cannot run in tests): the hidden window's preferences, what it loads, the
 * print options, and that the window and any temporary file are always removed.
 */
const fake = vi.hoisted(() => {
  const windows: FakeWindow[] = [];
  const state = { printError: null as Error | null, seenFileContent: null as string | null };
  class FakeWindow {
    loaded: string | null = null;
    destroyed = false;
    printOptions: Record<string, unknown> | null = null;
    webContents = {
      printToPDF: async (options: Record<string, unknown>) => {
        this.printOptions = options;
        if (state.printError) throw state.printError;
        return Buffer.from('%PDF-1.4 fake');
      },
    };
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded = url;
      if (url.startsWith('file:')) {
        const { readFileSync: read } = require('node:fs') as typeof import('node:fs');
        const { fileURLToPath: toPath } = require('node:url') as typeof import('node:url');
        state.seenFileContent = read(toPath(url), 'utf8');
      }
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { windows, state, module: { app: { isPackaged: true, getPath: () => tmpdir() }, BrowserWindow: FakeWindow } };
});

vi.mock('electron', () => fake.module);

const { electronPdfPrinter, MAX_DATA_URL_CHARS } = await import('../../electron/pdf-printer.js');

const temp = mkdtempSync(join(tmpdir(), 'permit-integrity-pdf-printer-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const print = electronPdfPrinter({ tempDir: () => temp });
const HTML = '<!doctype html><html lang="es"><head><meta charset="utf-8"></head><body><p>Informe « ñ » 100 %</p></body></html>';

describe('electronPdfPrinter', () => {
  beforeEach(() => {
    fake.windows.length = 0;
    fake.state.printError = null;
    fake.state.seenFileContent = null;
  });

  it('prints in a hidden, sandboxed window with no preload and no JavaScript, then destroys it', async () => {
    const bytes = await print(HTML);
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.4 fake');
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options.show).toBe(false);
    const prefs = window.options.webPreferences;
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs.javascript).toBe(false);
    expect(prefs.devTools).toBe(false);
    // Every rule of the app's hardened set holds here too (preload and devTools aside).
    const { preload: _preload, devTools: _devTools, ...hardened } = hardenedWebPreferences(true, 'unused');
    expect(prefs).toMatchObject(hardened);
    expect(window.destroyed).toBe(true);
  });

  it('loads the HTML as a data: URL, byte for byte', async () => {
    await print(HTML);
    const url = fake.windows[0]!.loaded!;
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(HTML);
  });

  it('asks for A4 with backgrounds and a "page X / Y" footer in the document language', async () => {
    await print(HTML);
    const options = fake.windows[0]!.printOptions!;
    expect(options).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true });
    expect(options.footerTemplate).toMatch(/Página <span class="pageNumber"><\/span> \/ <span class="totalPages"><\/span>/);
    const margins = options.margins as Record<string, number>;
    for (const side of ['top', 'right', 'bottom', 'left']) expect(margins[side]).toBeGreaterThan(0.5);
  });

  it('loads a report too long for a data: URL from a private temporary file, removed afterwards', async () => {
    const big = `<!doctype html><html lang="en"><body>${'<p>evidence row é</p>'.repeat(Math.ceil(MAX_DATA_URL_CHARS / 10))}</body></html>`;
    await print(big);
    const url = fake.windows[0]!.loaded!;
    expect(url.startsWith('file://')).toBe(true);
    const file = fileURLToPath(url);
    expect(file.startsWith(temp)).toBe(true);
    expect(fake.state.seenFileContent).toBe(big);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
    expect(fake.windows[0]!.destroyed).toBe(true);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    fake.state.printError = new Error('printing failed');
    await expect(print(HTML)).rejects.toThrow('printing failed');
    expect(fake.windows[0]!.destroyed).toBe(true);
    const big = `<html lang="en">${'x'.repeat(MAX_DATA_URL_CHARS)}</html>`;
    await expect(print(big)).rejects.toThrow('printing failed');
    expect(fake.windows[1]!.destroyed).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('is what main.ts gives the API as printPdf', () => {
    const main = readFileSync(join(import.meta.dirname, '../../electron/main.ts'), 'utf8');
    expect(main).toMatch(/printPdf:\s*electronPdfPrinter\(\)/);
  });
});
