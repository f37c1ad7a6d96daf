import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { startApp, type RunningApp } from './app.js';

export interface Session {
  app: RunningApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far: a user-facing screen should raise none. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The window size the suite runs at: 1440×900 unless E2E_VIEWPORT says
 * otherwise (npm test runs the suite again at 1024x768, a small laptop).
 */
export function suiteViewport(): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(process.env.E2E_VIEWPORT ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 1440, height: 900 };
}

/** A fresh register (the demo, unless empty), browser mode, and one Chromium page on the app's URL. */
export async function openSession(options: { locale?: string; db?: string; empty?: boolean; keyDir?: string; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const app = await startApp(options.db, { empty: options.empty, keyDir: options.keyDir });
  const browser = await launchChromium();
  // bypassCSP only so axe-core can be injected; the app's own CSP is tested elsewhere.
  const context = await browser.newContext({ viewport: options.viewport ?? suiteViewport(), locale: options.locale ?? 'en-GB', bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return {
    app,
    browser,
    context,
    page,
    errors,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

/**
 * One session for a whole test file: opened before its first test (pages wait 10 s at most for an
 * element), handed to `opened`, and closed after its last test.
 */
export function useSession(opened: (session: Session) => void, options: Parameters<typeof openSession>[0] = {}): void {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openSession(options);
    session.page.setDefaultTimeout(10_000);
    opened(session);
  });
  afterAll(async () => {
    await session?.close();
  });
}
