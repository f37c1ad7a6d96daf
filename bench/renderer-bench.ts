import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { importPackage } from '../db/package-import.js';
import { closeRegister, openRegister } from '../db/register.js';
import { startBrowserServer } from '../cli/serve/server.js';
import { syntheticPackage } from './synthetic.js';

const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SIZES = [100, 10_000];

interface Figures {
  controls: number;
  interactiveMs: number;
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
}

/**
 * Time from navigation to an interactive Register screen, then frame times
 * while scrolling its virtualised table to the end, in real Chromium.
 */
async function measure(size: number, folder: string): Promise<Figures> {
  const register = openRegister(join(folder, `bench-${size}.sqlite`));
  importPackage(register, syntheticPackage(0, size));
  const server = await startBrowserServer({ register, rendererDir: RENDERER_DIR, version: 'bench' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const started = Date.now();
    await page.goto(`${server.url}#/register`);
    await page.locator('.register-scroll button[data-row-index="0"]').waitFor();
    const interactiveMs = Date.now() - started;
    // The list reloads once the assessment (and its as-of date) arrives; scroll the settled one.
    await page.waitForLoadState('networkidle');
    await page.locator('.register-scroll button[data-row-index="0"]').waitFor();
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const times = [];
      let last = performance.now();
      const step = (now) => {
        const box = document.querySelector('.register-scroll');
        times.push(now - last);
        last = now;
        if (box.scrollTop + box.clientHeight >= box.scrollHeight - 2) return resolve(times.slice(1));
        box.scrollTop += Math.max(400, box.scrollHeight / 600);
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    })`)) as number[];
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      controls: size,
      interactiveMs,
      frames: frames.length,
      meanFrameMs: frames.reduce((s, f) => s + f, 0) / Math.max(1, frames.length),
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      maxFrameMs: sorted.at(-1) ?? 0,
    };
  } finally {
    await browser.close();
    await server.close();
    closeRegister(register);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`renderer benchmark skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'pi-render-bench-'));
  try {
    console.log('\nRenderer benchmark (Register screen in headless Chromium, browser mode)\n');
    console.log('controls   interactive ms   frames   mean frame ms   p95 frame ms   max frame ms');
    for (const size of SIZES) {
      const f = await measure(size, folder);
      console.log(
        `${String(f.controls).padStart(8)}   ${f.interactiveMs.toFixed(0).padStart(14)}   ${String(f.frames).padStart(6)}   ${f.meanFrameMs.toFixed(1).padStart(13)}   ${f.p95FrameMs.toFixed(1).padStart(12)}   ${f.maxFrameMs.toFixed(1).padStart(12)}`,
      );
    }
    console.log('\nInteractive: navigation until the first row of the table can be focused. Frames: one scroll step per animation frame to the end.');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
