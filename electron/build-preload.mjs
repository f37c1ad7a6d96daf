// Bundles electron/preload.ts into one CommonJS file for Electron's sandboxed
// preload, which can `require('electron')` but load no ES modules or other files.
// Usage: node electron/build-preload.mjs [OUT_FILE]   (default dist/electron/preload.cjs)
import { build } from 'rolldown';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export const DEFAULT_PRELOAD_OUT = fileURLToPath(new URL('../dist/electron/preload.cjs', import.meta.url));

/** Writes the bundle to `file` and returns its path. */
export async function bundlePreload(file = DEFAULT_PRELOAD_OUT) {
  await build({
    cwd: root,
    input: fileURLToPath(new URL('./preload.ts', import.meta.url)),
    external: ['electron'],
    platform: 'node',
    logLevel: 'warn',
    output: { file, format: 'cjs', sourcemap: false, codeSplitting: false },
  });
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await bundlePreload(process.argv[2] ?? DEFAULT_PRELOAD_OUT);
}
