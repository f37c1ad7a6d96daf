import type { Browser } from 'playwright-core';

/**
 * One Chromium kept warm for PDF printing (CLI, browser mode, jobs). Starting
 * Chromium costs a second or more; a user who exports several PDFs in a row
 * pays it once. The browser is closed after `idleMs` without a print (60 s by
 * default) and when the process exits, so nothing is left running.
 */
export const PDF_IDLE_MS = 60_000;

interface Warm {
  executablePath: string;
  browser: Promise<Browser>;
}

let warm: Warm | null = null;
let idleMs = PDF_IDLE_MS;
let idleTimer: NodeJS.Timeout | null = null;
let printing = 0;
let launches = 0;
let exitHookInstalled = false;

/** How long the browser stays open after the last print; tests shorten it. */
export function setPdfIdleTimeout(ms: number): void {
  idleMs = ms;
}

/** How many times Chromium was started by this process, and whether one is open now (for tests and benchmarks). */
export function pdfBrowserStatus(): { launches: number; open: boolean } {
  return { launches, open: warm !== null };
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // playwright-core also kills the browsers it launched on exit; closing first is the polite path
  // when the process ends on its own (the idle timer is unref'd, so it never holds the process open).
  process.once('beforeExit', () => void closePdfBrowser());
}

async function launch(executablePath: string, args: string[]): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  launches += 1;
  const browser = await chromium.launch({ executablePath, args });
  browser.on('disconnected', () => {
    if (warm && warm.executablePath === executablePath) warm = null;
  });
  return browser;
}

/**
 * Runs `work` on the warm browser, starting it if needed. A failed start is
 * not cached, so the next print tries again.
 */
export async function withPdfBrowser<T>(executablePath: string, args: string[], work: (browser: Browser) => Promise<T>): Promise<T> {
  installExitHook();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  printing += 1;
  try {
    if (warm && warm.executablePath !== executablePath) await closePdfBrowser();
    if (!warm) {
      const starting: Warm = { executablePath, browser: launch(executablePath, args) };
      warm = starting;
      starting.browser.catch(() => {
        if (warm === starting) warm = null;
      });
    }
    return await work(await warm.browser);
  } finally {
    printing -= 1;
    if (printing === 0 && warm) {
      idleTimer = setTimeout(() => void closePdfBrowser(), idleMs);
      idleTimer.unref();
    }
  }
}

/** Closes the warm browser now (idle, exit, or a caller such as the CLI that is done printing). */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const current = warm;
  warm = null;
  if (!current) return;
  const browser = await current.browser.catch(() => null);
  await browser?.close().catch(() => undefined);
}
