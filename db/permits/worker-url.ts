import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A compiled permit worker (`import-worker.js`, `preview-worker.js`): beside
 * this module when compiled; from TypeScript source (the tests), the one in
 * dist/; in the CLI bundle (dist/cli/), the one in dist/db/permits/.
 */
export function permitWorkerUrl(file: string): URL {
  if (import.meta.url.endsWith('.ts')) return new URL(`../../dist/db/permits/${file}`, import.meta.url);
  const beside = new URL(`./${file}`, import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL(`../db/permits/${file}`, import.meta.url);
}
