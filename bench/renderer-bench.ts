import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importPackage } from '../db/package-import.js';
import { closeRegister, openRegister } from '../db/register.js';
import { startBrowserServer, type BrowserServer } from '../cli/serve/server.js';
import { record, recordLimit, recordRatio, sideBySide, summarise, timeOf, ms } from './harness.js';
import { syntheticPackage } from './synthetic.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What says a screen is ready for its reader: the element its content ends with. */
const READY: Record<string, string> = {
  register: '.register-scroll button[data-row-index="0"]',
  overview: '[data-testid="overall-score"]',
  gaps: '[data-testid="flags-shown"]',
  reports: '.pi-report',
};

interface App {
  server: BrowserServer;
  close(): Promise<void>;
}

async function app(folder: string, controls: number, rendererDir: string): Promise<App> {
  const register = openRegister(join(folder, `renderer-${controls}.sqlite`));
  importPackage(register, syntheticPackage(0, controls));
  const server = await startBrowserServer({ register, rendererDir, version: 'bench' });
  return { server, close: async () => (await server.close(), closeRegister(register)) };
}

/** A new page each time, so nothing of the previous visit is in memory; navigation until READY. */
async function timeToInteractive(browser: Browser, target: App, screen: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const started = performance.now();
    await page.goto(`${target.server.url}#/${screen}`);
    await page.locator(READY[screen]!).first().waitFor({ timeout: 120_000 });
    return performance.now() - started;
  } finally {
    await page.close();
  }
}

/**
 * Frame times while scrolling the Register to its end and back, one step per
 * animation frame. Without cross-origin isolation Chromium coarsens every
 * timestamp to 0.1 ms with jitter, so a steady 16.67 ms frame reads 16.6 to
 * 16.8; isolated, timestamps are precise to 5 µs and a dropped frame still
 * reads 33.3 ms. The page checks it really is isolated.
 */
async function scrollFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    if (!crossOriginIsolated) return reject(new Error('the scroll page is not cross-origin isolated: timestamps would be coarsened'));
    const times = [];
    let last = performance.now();
    let down = true;
    const step = (now) => {
      const box = document.querySelector('.register-scroll');
      times.push(now - last);
      last = now;
      const stride = Math.max(400, box.scrollHeight / 600);
      if (down && box.scrollTop + box.clientHeight >= box.scrollHeight - 2) down = false;
      else if (!down && box.scrollTop <= 0) return resolve(times.slice(1));
      box.scrollTop += down ? stride : -stride;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })`)) as number[];
}

/**
 * Serves the scroll page's document with the two headers that make it
 * cross-origin isolated (measurement only: browser mode itself does not send them).
 */
async function isolate(page: Page, url: string): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } });
  });
}

/** The screens in real Chromium over browser mode, at 100 and 10,000 controls. */
export async function rendererBench(folder: string, rendererDir: string): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`renderer benchmark skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return;
  }
  console.log('\nRenderer (headless Chromium, browser mode)');
  const small = await app(folder, 100, rendererDir);
  const big = await app(folder, 10_000, rendererDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    // The first visit scores the assessment and lists the register; later visits find them cached.
    for (const screen of ['overview', 'register', 'gaps', 'reports']) {
      const cold = await timeToInteractive(browser, big, screen);
      record({ measure: `${screen} at 10,000 controls, first visit after start (cold)`, subject: `${cold.toFixed(0)} ms`, baseline: '—', ratio: '—', goal: '—', pass: null });
    }
    let lastBig = 0;
    const ratio = await sideBySide(
      () => timeToInteractive(browser, small, 'register'),
      async () => (lastBig = await timeToInteractive(browser, big, 'register')),
    );
    void lastBig;
    recordRatio('Register time to interactive, 10,000 vs 100 controls', ratio, 'Register with 100 controls', 1.5);
    for (const screen of ['overview', 'gaps', 'reports']) {
      const runs: number[] = [];
      await timeOf(async () => runs.push(await timeToInteractive(browser, big, screen)));
      const t = summarise(runs.slice(1));
      recordLimit(`${screen} at 10,000 controls, time to interactive`, t.median, 'ms', 1000, `(${t.min.toFixed(0)}–${t.max.toFixed(0)})`);
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await isolate(page, big.server.url);
    await page.goto(`${big.server.url}#/register`);
    await page.locator(READY.register!).waitFor();
    await page.waitForLoadState('networkidle');
    const frames = [...(await scrollFrames(page))].sort((a, b) => a - b);
    const p95 = frames[Math.floor(frames.length * 0.95)] ?? 0;
    const over20 = frames.filter((t) => t > 20).length / Math.max(1, frames.length);
    recordLimit(
      'Register scroll at 10,000 controls (to the end and back), frame time p95',
      p95,
      'ms',
      16.7,
      `(${frames.length} frames, median ${frames[Math.floor(frames.length / 2)]?.toFixed(2)}, max ${frames.at(-1)?.toFixed(1)}, ${(over20 * 100).toFixed(1)} % over 20 ms; timestamps precise to 5 µs)`,
    );
    await page.close();
    record({ measure: 'note', subject: `time to interactive: navigation until the screen's content is drawn (${Object.entries(READY).map(([s, q]) => `${s}: ${q}`).join('; ')})`, baseline: '—', ratio: '—', goal: '—', pass: null });
    void ms;
  } finally {
    await browser.close();
    await small.close();
    await big.close();
  }
}
