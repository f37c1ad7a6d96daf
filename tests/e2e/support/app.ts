import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, 'screenshots');
/** Where the documentation's images live; refreshed only when PI_DOCS_SCREENSHOTS=1 (see docs/ui.md). */
export const DOCS_SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

export interface RunningApp {
  url: string;
  db: string;
  stop(): Promise<void>;
}

/**
 * Browser mode on a fresh temporary register, started as a user would: `node dist/cli/bin.cjs serve`.
 * A new register opens to the first-run choice; most tests want the demo, so
 * it is loaded first with `permit-integrity demo` unless `empty` is asked for.
 * Signing keys go to `keyDir`, else to a temporary folder removed on stop:
 * a test never writes a key into the real user-data folder.
 */
export async function startApp(db?: string, options: { empty?: boolean; keyDir?: string } = {}): Promise<RunningApp> {
  const bin = join(ROOT, 'dist/cli/bin.cjs');
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) throw new Error('the app is not built: run npm run build first');
  const folder = db ? null : mkdtempSync(join(tmpdir(), 'pi-e2e-'));
  const ownKeys = options.keyDir ? null : mkdtempSync(join(tmpdir(), 'pi-e2e-keys-'));
  const env = { ...process.env, PERMIT_INTEGRITY_KEY_DIR: options.keyDir ?? ownKeys! };
  const file = db ?? join(folder!, 'register.sqlite');
  if (!db && !options.empty) {
    const seeded = spawnSync(process.execPath, [bin, 'demo', '--db', file], { encoding: 'utf8', env });
    if (seeded.status !== 0) throw new Error(`could not load the demo: ${seeded.stderr}`);
  }
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--db', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    db: file,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (folder) rmSync(folder, { recursive: true, force: true });
      if (ownKeys) rmSync(ownKeys, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a full-page screenshot to the git-ignored screenshots/ folder. An
 * image the documentation shows (`docs: true`) goes to docs/screenshots/
 * instead when PI_DOCS_SCREENSHOTS=1, so that a normal test run leaves the
 * committed images alone and `PI_DOCS_SCREENSHOTS=1 npx vitest run tests/e2e` refreshes them.
 */
export async function screenshot(page: Page, name: string, options: { docs?: boolean } = {}): Promise<void> {
  const folder = options.docs && process.env.PI_DOCS_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS : SCREENSHOTS;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

/** The same as screenshot(), of one element only (a panel or a dialog), for images that show one thing. */
export async function screenshotOf(element: Locator, name: string, options: { docs?: boolean } = {}): Promise<void> {
  const folder = options.docs && process.env.PI_DOCS_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS : SCREENSHOTS;
  mkdirSync(folder, { recursive: true });
  await element.screenshot({ path: join(folder, `${name}.png`) });
}

/** Goes to a screen through the navigation, as a user would. */
export async function openScreen(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}
