import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, REPORT_USAGE_FORMATS, REPORT_USAGE_LANGUAGES, REPORT_USAGE_TABLES } from '../../cli/command-table.js';
import { REPORT_FORMATS, REPORT_TABLES } from '../../shared/report/formats.js';
import { REPORT_LANGUAGES } from '../../shared/report/strings.js';
import { assertCliBuilt, CLI_BIN, PROJECT_ROOT, runOk } from '../helpers/cli.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

/**
 * Runs the built CLI with hooks that print every file Node loads: CommonJS
 * files (the bundle, and packages it requires) and ES modules (packages it
 * imports), so a test can say what a command did NOT load.
 */
function modulesLoadedBy(args: string[]): string[] {
  const dir = temp.dir();
  const requireHook = join(dir, 'require-hook.cjs');
  writeFileSync(
    requireHook,
    "const Module = require('node:module'); const { pathToFileURL } = require('node:url'); const load = Module.prototype.load;\n" +
      "Module.prototype.load = function (filename) { process._rawDebug('LOADED ' + pathToFileURL(filename).href); return load.call(this, filename); };\n",
  );
  const hook = join(dir, 'hook.mjs');
  writeFileSync(hook, "export async function load(url, context, next) { process._rawDebug('LOADED ' + url); return next(url, context); }\n");
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  const run = spawnSync(process.execPath, ['--require', requireHook, '--import', pathToFileURL(register).href, CLI_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return [
    ...new Set(
      run.stderr
        .split('\n')
        .filter((line) => line.startsWith('LOADED '))
        .map((line) => line.slice('LOADED '.length)),
    ),
  ];
}

const packagesIn = (urls: string[]) => [...new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))].sort();

describe('CLI start-up: each command loads only what it needs', () => {
  beforeAll(() => assertCliBuilt());

  it('keeps the usage lists of the help table equal to the real ones', () => {
    expect(REPORT_USAGE_FORMATS).toBe(REPORT_FORMATS.join('|'));
    expect(REPORT_USAGE_LANGUAGES).toBe(REPORT_LANGUAGES.join('|'));
    expect(REPORT_USAGE_TABLES).toBe(REPORT_TABLES.join('|'));
    expect(Object.keys(COMMANDS)).toContain('report');
  });

  it('--help loads no package at all (no zod, jszip or SQLite) and no command module', () => {
    const loaded = modulesLoadedBy(['--help']);
    expect(packagesIn(loaded)).toEqual([]);
    // The entry point, the command table with main(), and the bundler's small runtime: no command's chunk.
    const files = loaded.filter((url) => url.startsWith('file:')).map((url) => url.slice(url.lastIndexOf('/') + 1).replace(/-[\w-]{8}\.cjs$/, '.cjs'));
    expect(files.sort()).toEqual(['bin.cjs', 'chunk-rolldown-runtime.cjs', 'cli.cjs']);
  });

  it('score opens no database: SQLite is not loaded', () => {
    const db = temp.path('demo.sqlite');
    runOk(['demo', '--db', db]);
    const pkg = join(temp.dir(), 'demo.json');
    runOk(['export', '--db', db, '--authority', '1', '--out', pkg]);
    const loaded = packagesIn(modulesLoadedBy(['score', pkg]));
    expect(loaded).not.toContain('better-sqlite3');
    expect(loaded).not.toContain('jszip');
  });

  it('a CSV report loads neither exceljs, docx, React nor playwright', () => {
    const db = temp.path('demo.sqlite');
    runOk(['demo', '--db', db]);
    const loaded = packagesIn(modulesLoadedBy(['report', '--db', db, '--assessment', '2', '--format', 'csv', '--out', join(temp.dir(), 'criteria.csv')]));
    expect(loaded).toContain('better-sqlite3');
    for (const heavy of ['exceljs', 'docx', 'react', 'react-dom', 'playwright-core', 'jszip']) expect(loaded).not.toContain(heavy);
  });
});
