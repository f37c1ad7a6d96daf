// Bundles the compiled CLI (dist/cli/bin.js) into a few files, written over
// dist/cli/bin.js with its chunks beside it in dist/cli/. Node then reads a
// handful of files instead of hundreds (zod alone is ~100 modules), which is
// most of the CLI's start-up time. Each command stays its own chunk, loaded
// only when that command runs. Packages that are large, native or load files
// of their own stay outside the bundle and load from node_modules as before.
// Usage: node tools/bundle-cli.mjs   (run by npm run build, after tsc)
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = fileURLToPath(new URL('../dist/cli/', import.meta.url));

export const EXTERNAL = [/^node:/, 'better-sqlite3', 'playwright-core', 'exceljs', 'docx', 'jszip', 'pdf-parse', 'react', 'react-dom', /^react-dom\//, /^react\//, 'electron'];

export async function bundleCli() {
  for (const name of readdirSync(out)) if (name.startsWith('chunk-')) rmSync(`${out}${name}`);
  await build({
    cwd: root,
    input: { bin: `${out}bin.js` },
    external: EXTERNAL,
    platform: 'node',
    logLevel: 'warn',
    output: { dir: out, format: 'esm', sourcemap: false, minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunk-[name]-[hash].js' },
  });
  // tsc's source map describes the unbundled bin.js, no longer what runs.
  rmSync(`${out}bin.js.map`, { force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundleCli();
