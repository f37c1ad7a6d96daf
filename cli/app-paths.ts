import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built renderer (vite build output), next to the compiled CLI in dist/. */
export const RENDERER_DIR = process.env.PERMIT_INTEGRITY_RENDERER_DIR
  ? `${process.env.PERMIT_INTEGRITY_RENDERER_DIR.replace(/\/+$/, '')}/`
  : fileURLToPath(new URL('../renderer/', import.meta.url));

/**
 * These paths are relative to dist/cli/, where both the compiled modules and
 * the CLI bundle's chunks (tools/bundle-cli.mjs) live, so they hold for either.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ELECTRON_MAIN = fileURLToPath(new URL('../electron/main.js', import.meta.url));

/** The project's version: one folder up from the sources (tests run cli/ directly), two from dist/cli/ (dist holds no package.json). */
export function appVersion(): string {
  const file = [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)].find((url) => existsSync(url));
  if (!file) throw new Error('package.json not found beside the app');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export function rendererBuilt(): boolean {
  return existsSync(`${RENDERER_DIR}index.html`);
}
