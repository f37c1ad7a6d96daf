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

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function rendererBuilt(): boolean {
  return existsSync(`${RENDERER_DIR}index.html`);
}
