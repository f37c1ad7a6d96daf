// Bundles the compiled CLI into a few CommonJS files in dist/cli/:
//   bin.cjs     the entry point (package.json "bin"): puts the code cache in place
//               (cli/code-cache.ts), then loads cli.cjs through it;
//   cli.cjs     the command table and main(), from tsc's dist/cli/bin.js;
//   chunk-*.cjs each command, loaded only when that command runs;
//   bin.js      a two-line ES module that runs bin.cjs, for `node dist/cli/bin.js`.
// Node then reads a handful of files instead of hundreds (zod alone is ~100
// modules). CommonJS because Node 20 can hand V8 a code cache only for
// scripts compiled through vm.Script, not for ES modules; with the cache a
// command no longer compiles the bundle again at every start.
// Packages that are large, native or load files of their own stay outside the
// bundle and load from node_modules as before.
// Usage: node tools/bundle-cli.mjs   (run by npm run build, after tsc)
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = fileURLToPath(new URL('../dist/cli/', import.meta.url));

export const EXTERNAL = [/^node:/, 'better-sqlite3', 'playwright-core', 'exceljs', 'docx', 'jszip', 'pdf-parse', 'react', 'react-dom', /^react-dom\//, /^react\//, 'electron'];

export async function bundleCli() {
  for (const name of readdirSync(out)) if (name.startsWith('chunk-') || name.endsWith('.cjs')) rmSync(`${out}${name}`);
  // Caches made for the previous build's files would never be used again.
  rmSync(`${out}.code-cache`, { recursive: true, force: true });
  await build({
    cwd: root,
    input: { bin: `${out}launcher.js`, cli: `${out}bin.js` },
    external: EXTERNAL,
    platform: 'node',
    logLevel: 'warn',
    // dynamicImportInCjs: false renders import('exceljs') and the like as require(): code
    // compiled from V8's code cache cannot run import() (see cli/code-cache.ts).
    output: { dir: out, format: 'cjs', sourcemap: false, minify: true, dynamicImportInCjs: false, entryFileNames: '[name].cjs', chunkFileNames: 'chunk-[name]-[hash].cjs' },
  });
  const withImport = readdirSync(out).filter((name) => name.endsWith('.cjs') && /\bimport\(/.test(readFileSync(`${out}${name}`, 'utf8')));
  if (withImport.length) throw new Error(`bundle-cli: import() left in ${withImport.join(', ')}; it would fail once the code cache is used`);
  // tsc's bin.js and its source map describe the unbundled CLI, no longer what runs.
  rmSync(`${out}bin.js.map`, { force: true });
  writeFileSync(`${out}bin.js`, "#!/usr/bin/env node\n// The CLI is bin.cjs (see tools/bundle-cli.mjs); this keeps `node dist/cli/bin.js` working.\nimport './bin.cjs';\n");
  chmodSync(`${out}bin.cjs`, 0o755);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundleCli();
