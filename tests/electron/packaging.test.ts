import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, loadBuilderConfig, packageName, packPlan, wouldPack, wouldUnpack } from '../../tools/electron-package.js';

/**
 * What `npm run dist` would pack, read from electron-builder.cjs and
 * package-lock.json (electron-builder itself cannot run here: it needs
 * Electron's binary). The built app (npm run build) must exist: the import
 * graph is read from dist/.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const config = loadBuilderConfig(ROOT);
const plan = packPlan(ROOT, config);
const packed = new Set(plan.files);
const MAIN = 'dist/electron/main.js';
const WORKER = 'dist/electron/register-worker.js';
const CLI_ONLY = ['playwright-core', 'pdf-parse', 'pdfjs-dist', '@napi-rs/canvas'];

describe('the desktop package', () => {
  it('carries the Electron build of the SQLite driver, unpacked from the archive, and not the Node build', () => {
    expect(wouldPack(config, 'native/electron/better_sqlite3.node')).toBe(true);
    expect(wouldUnpack(config, 'native/electron/better_sqlite3.node')).toBe(true);
    expect(wouldPack(config, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(wouldPack(config, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(packed.has('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(plan.files.filter((file) => file.endsWith('.node') && !file.startsWith('native/'))).toEqual([]);
  });

  it('does not rebuild node_modules (that would leave the Node build broken for the CLI and the tests)', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('holds the built app without benchmarks, tools, the command line or source maps', () => {
    for (const file of [MAIN, WORKER, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']) expect(packed.has(file), file).toBe(true);
    expect(config.extraMetadata.main).toBe(MAIN);
    expect(plan.files.filter((file) => /^dist\/(bench|tools|cli)\//.test(file) || file.endsWith('.map'))).toEqual([]);
  });

  it('leaves out the command line’s own dependencies, which the desktop app never loads', () => {
    const loaded = importGraph(ROOT, [MAIN, WORKER]);
    for (const name of CLI_ONLY) {
      expect(plan.packages.filter((pkg) => pkg === `node_modules/${name}` || pkg.startsWith(`node_modules/${name}-`)), name).toEqual([]);
      expect(loaded.packages.has(name), name).toBe(false);
    }
    // exports/pdf.ts imports playwright-core only when no printer is given; the worker always gives
    // Electron's (register-worker.ts sets printPdf), so the desktop app never reaches it.
    expect([...loaded.dynamicPackages.keys()]).toEqual(['playwright-core']);
    expect(readFileSync(join(ROOT, WORKER), 'utf8')).toMatch(/const env = \{ transport: 'electron', version: data\.version, printPdf \}/);
  });

  it('packs every package the main process and the register worker load', () => {
    const loaded = importGraph(ROOT, [MAIN, WORKER]);
    const external = [...loaded.packages].filter((name) => !name.startsWith('node:') && name !== 'electron');
    expect(external.length).toBeGreaterThan(3);
    for (const name of external) {
      expect(packed.has(`node_modules/${name}/package.json`), name).toBe(true);
    }
    for (const file of loaded.files) expect(packed.has(file), file).toBe(true);
  });

  it('keeps the register, the API and the file builders off the main thread', () => {
    const mainThread = importGraph(ROOT, [MAIN], { followWorkers: false });
    expect(mainThread.files.filter((file) => /^dist\/(db\/api|exports\/(?!pdf\.js)|report)\//.test(file) || file === 'dist/db/register.js')).toEqual([]);
    for (const name of ['better-sqlite3', 'exceljs', 'docx', 'react-dom']) expect(mainThread.packages.has(name), name).toBe(false);
    // …and they are all in the worker the main process starts.
    const withWorker = importGraph(ROOT, [MAIN]);
    expect(withWorker.files).toContain(WORKER);
    expect(withWorker.files).toContain('dist/api/dispatch.js');
    expect(withWorker.packages.has('better-sqlite3')).toBe(true);
  });

  it('gives the deb what it needs: a maintainer with an e-mail address, a homepage and an author', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage?: string; author?: { name?: string; email?: string } };
    expect(config.linux.target).toContain('deb');
    expect(config.linux.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/);
    expect(pkg.homepage).toMatch(/^https:\/\/\S+$/);
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('names packages as electron-builder’s node_modules do', () => {
    expect(packageName('@noble/hashes/sha2.js')).toBe('@noble/hashes');
    expect(packageName('react-dom/server')).toBe('react-dom');
  });
});
