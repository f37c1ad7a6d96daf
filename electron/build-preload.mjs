// Bundles electron/preload.ts into one CommonJS file for Electron's sandboxed
// preload, which can `require('electron')` but load no ES modules or other files.
// Usage: node electron/build-preload.mjs [OUT_FILE]   (default dist/electron/preload.cjs)
import { build } from 'rolldown';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export const DEFAULT_PRELOAD_OUT = fileURLToPath(new URL('../dist/electron/preload.cjs', import.meta.url));

/**
 * The API's method names, read from the contract itself (shared/api/contract.ts),
 * which is bundled on its own for the purpose: the preload gets the list as
 * plain data, without zod and the schemas the names are keys of.
 */
async function apiMethodNames() {
  const dir = mkdtempSync(join(tmpdir(), 'pi-preload-'));
  try {
    const out = join(dir, 'contract.mjs');
    await build({
      cwd: root,
      input: fileURLToPath(new URL('../shared/api/contract.ts', import.meta.url)),
      platform: 'node',
      logLevel: 'warn',
      output: { file: out, format: 'esm', sourcemap: false, codeSplitting: false },
    });
    const { API_METHODS } = await import(pathToFileURL(out).href);
    return [...API_METHODS];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the bundle to `file` and returns its path. */
export async function bundlePreload(file = DEFAULT_PRELOAD_OUT) {
  const names = await apiMethodNames();
  const methodsModule = fileURLToPath(new URL('../shared/api/methods.ts', import.meta.url));
  await build({
    cwd: root,
    input: fileURLToPath(new URL('./preload.ts', import.meta.url)),
    external: ['electron'],
    platform: 'node',
    logLevel: 'warn',
    plugins: [
      {
        // The preload imports the method list from shared/api/methods.ts; it gets the names only.
        name: 'api-method-names',
        load(id) {
          if (id === methodsModule) return `export const API_METHODS = ${JSON.stringify(names)};`;
          return null;
        },
      },
    ],
    output: { file, format: 'cjs', sourcemap: false, codeSplitting: false },
  });
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await bundlePreload(process.argv[2] ?? DEFAULT_PRELOAD_OUT);
}
