import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, PROJECT_ROOT } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const CODE_CACHE = pathToFileURL(join(PROJECT_ROOT, 'dist/cli/code-cache.js')).href;

interface Run {
  answer: string;
  stack: string;
  used: number;
  compiled: number;
  written: number;
}

/**
 * A small "bundle" of two CommonJS files, as tools/bundle-cli.mjs writes them:
 * main.cjs requires part.cjs lazily (as the bundle loads each command's chunk)
 * and a package, and throws from part.cjs so that the stack can be read.
 */
function writeBundle(dir: string, word: string): void {
  writeFileSync(join(dir, 'part.cjs'), `exports.word = () => '${word}';\nexports.fail = () => { throw new Error('from part'); };\n`);
  writeFileSync(
    join(dir, 'main.cjs'),
    "#!/usr/bin/env node\nexports.run = async () => {\n  const part = await Promise.resolve().then(() => require('./part.cjs'));\n  const { basename } = require('node:path');\n" +
      "  let stack = '';\n  try { part.fail(); } catch (error) { stack = error.stack; }\n  return { answer: basename('/x/' + part.word()), stack };\n};\n",
  );
}

/** Runs the bundle in a fresh Node process through installCodeCache, as bin.cjs does. */
function run(dir: string, cacheDir = join(dir, '.code-cache')): Run {
  const runner = join(dir, 'runner.mjs');
  writeFileSync(
    runner,
    `import { createRequire } from 'node:module';\nimport { installCodeCache } from ${JSON.stringify(CODE_CACHE)};\n` +
      `const stats = installCodeCache(${JSON.stringify(dir)}, ${JSON.stringify(cacheDir)});\n` +
      `const result = await createRequire(import.meta.url)('./main.cjs').run();\n` +
      `process.on('exit', () => console.log(JSON.stringify({ ...result, ...stats })));\n`,
  );
  const child = spawnSync(process.execPath, [runner], { encoding: 'utf8', timeout: 60_000 });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as Run;
}

describe('the CLI code cache (cli/code-cache.ts)', () => {
  beforeAll(() => assertCliBuilt());

  it('compiles and keeps a cache on the first run; the next run uses it and runs the same, lazy require and stack included', () => {
    const dir = temp.dir();
    writeBundle(dir, 'alpha');
    const first = run(dir);
    expect(first).toMatchObject({ answer: 'alpha', used: 0, compiled: 2, written: 2 });
    expect(readdirSync(join(dir, '.code-cache'))).toHaveLength(2);
    const second = run(dir);
    expect(second).toMatchObject({ answer: 'alpha', used: 2, compiled: 0, written: 0 });
    // Errors still name the file and line they come from.
    expect(second.stack).toContain(`${join(dir, 'part.cjs')}:2`);
  });

  it('never runs an old cache for a file rebuilt to the same length (V8 itself only compares lengths)', () => {
    const dir = temp.dir();
    writeBundle(dir, 'alpha');
    run(dir);
    writeBundle(dir, 'omega');
    expect(statSync(join(dir, 'part.cjs')).size).toBe(Buffer.byteLength(readFileSync(join(dir, 'part.cjs'), 'utf8')));
    const after = run(dir);
    expect(after).toMatchObject({ answer: 'omega', used: 1, compiled: 1, written: 1 });
  });

  it('ignores a damaged cache file, compiles instead and writes it again', () => {
    const dir = temp.dir();
    writeBundle(dir, 'alpha');
    run(dir);
    for (const name of readdirSync(join(dir, '.code-cache'))) {
      const file = join(dir, '.code-cache', name);
      writeFileSync(file, Buffer.alloc(statSync(file).size, 0x5a));
    }
    expect(run(dir)).toMatchObject({ answer: 'alpha', used: 0, compiled: 2, written: 2 });
    expect(run(dir)).toMatchObject({ answer: 'alpha', used: 2, compiled: 0 });
  });

  it('runs normally where no cache can be written (a read-only install)', () => {
    const dir = temp.dir();
    writeBundle(dir, 'alpha');
    // A path under a plain file cannot be created, whoever runs the test (root ignores modes).
    writeFileSync(join(dir, 'not-a-folder'), '');
    const cacheDir = join(dir, 'not-a-folder', 'cache');
    expect(run(dir, cacheDir)).toMatchObject({ answer: 'alpha', used: 0, compiled: 2, written: 0 });
    expect(run(dir, cacheDir)).toMatchObject({ answer: 'alpha', used: 0, compiled: 2, written: 0 });
  });
});
