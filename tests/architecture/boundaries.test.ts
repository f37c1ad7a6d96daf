import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, importsOf, readSource, sourceFiles, violations, type FoundImport, type LayerRule } from './imports.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The one direction of imports (docs/architecture.md): each layer and what it may reach. */
const RULES: LayerRule[] = [
  // Small pure libraries only: schemas and hashing/signatures that run the same in Node and the browser.
  { layer: 'shared', folders: [], packages: ['zod', '@noble/hashes', '@noble/curves'], nodeBuiltins: false },
  { layer: 'report', folders: ['shared'], packages: ['react', 'react-dom'], nodeBuiltins: false },
  {
    layer: 'renderer',
    folders: ['shared', 'report'],
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', 'recharts', '@tanstack/react-table', '@tanstack/react-virtual'],
    nodeBuiltins: false,
  },
  { layer: 'db', folders: ['shared'], packages: '*', nodeBuiltins: true },
  { layer: 'exports', folders: ['shared', 'report'], packages: '*', nodeBuiltins: true },
  // jobs/ runs API work in worker threads; the job handlers start it, and the worker calls the same handlers.
  { layer: 'jobs', folders: ['shared', 'db', 'api', 'exports', 'report'], packages: '*', nodeBuiltins: true },
  { layer: 'api', folders: ['shared', 'db', 'exports', 'report', 'jobs'], packages: '*', nodeBuiltins: true },
  { layer: 'cli', folders: ['shared', 'db', 'api', 'exports', 'report', 'electron', 'jobs'], packages: '*', nodeBuiltins: true },
  { layer: 'electron', folders: ['shared', 'db', 'api', 'exports', 'report', 'jobs'], packages: '*', nodeBuiltins: true },
];

/**
 * What a CLI command may still take from db/: opening and closing a register, the key file writer, the
 * audit-head parser, and the report manifest the CLI writes beside a report file (the app downloads
 * reports instead, so it has no API form). Everything else goes through cli/api-call.ts.
 */
const CLI_DB_ALLOWED = new Set(['db/register', 'db/user-register', 'db/keys', 'db/audit-head', 'db/report-record']);

function directDbImports(found: FoundImport[]): string[] {
  return found.filter((i) => !i.typeOnly && i.target?.startsWith('db/') && !CLI_DB_ALLOWED.has(i.target)).map((i) => `${i.from} imports ${i.target}`);
}

function importsIn(folder: string): FoundImport[] {
  return sourceFiles(ROOT, folder).flatMap((file) => importsOf(ROOT, file, readSource(ROOT, file)));
}

describe('import boundaries', () => {
  it.each(RULES.map((r) => r.layer))('%s/ imports only what its layer may', (layer) => {
    const found = importsIn(layer);
    expect(found.length).toBeGreaterThan(0);
    expect(violations(found, RULES)).toEqual([]);
  });

  it('shared/ has no import cycle (results and report data included)', () => {
    expect(cycles(importsIn('shared'))).toEqual([]);
  });

  it("cli/ commands reach the register through the API's handlers, not db/ (opening and closing the file aside)", () => {
    const found = sourceFiles(ROOT, 'cli/commands').flatMap((file) => importsOf(ROOT, file, readSource(ROOT, file)));
    expect(found.length).toBeGreaterThan(0);
    expect(directDbImports(found)).toEqual([]);
  });

  it('db/ never imports api/, exports/ or cli/', () => {
    const targets = importsIn('db').flatMap((i) => (i.target ? [i.target.split('/')[0]] : []));
    expect(targets.filter((t) => t === 'api' || t === 'exports' || t === 'cli')).toEqual([]);
  });
});

describe('the boundary checker itself', () => {
  it('catches a planted violation of each kind', () => {
    const planted = [
      ...importsOf(ROOT, 'shared/x.ts', "import { readFileSync } from 'node:fs';\nimport { openRegister } from '../db/register.js';"),
      ...importsOf(ROOT, 'renderer/src/y.tsx', "const m = await import('../../api/dispatch.js');\nimport Database from 'better-sqlite3';"),
      ...importsOf(ROOT, 'db/z.ts', "export { exportReport } from '../exports/report-export.js';"),
    ];
    const found = violations(planted, RULES);
    expect(found).toHaveLength(5);
    expect(found.join('\n')).toMatch(/shared\/x\.ts imports node:fs/);
    expect(found.join('\n')).toMatch(/shared\/ may not import db\//);
    expect(found.join('\n')).toMatch(/renderer\/ may not import api\//);
    expect(found.join('\n')).toMatch(/better-sqlite3/);
    expect(found.join('\n')).toMatch(/db\/ may not import exports\//);
  });

  it('catches a CLI command that writes through db/ instead of the API', () => {
    const planted = importsOf(ROOT, 'cli/commands/x.ts', "import { lockAssessment } from '../../db/lifecycle.js';\nimport type { Register } from '../../db/register.js';\nimport { closeRegister } from '../../db/register.js';");
    expect(directDbImports(planted)).toEqual(['cli/commands/x.ts imports db/lifecycle']);
  });

  it('finds a cycle and ignores type-only imports', () => {
    const planted = [
      ...importsOf(ROOT, 'shared/a.ts', "import { b } from './b.js';"),
      ...importsOf(ROOT, 'shared/b.ts', "import { a } from './a.js';"),
      ...importsOf(ROOT, 'shared/c.ts', "import type { D } from './d.js';"),
      ...importsOf(ROOT, 'shared/d.ts', "import type { C } from './c.js';"),
    ];
    expect(cycles(planted)).toEqual([['shared/a', 'shared/b', 'shared/a']]);
  });

  it("the renderer's first load (main.tsx and what it imports statically) does not evaluate zod or the API contract", () => {
    const loaded = staticClosure('renderer/src/main.tsx');
    expect(loaded.size).toBeGreaterThan(20);
    const withZod = [...loaded].filter((file) => importsOf(ROOT, file, readSource(ROOT, file)).some((i) => !i.typeOnly && i.specifier === 'zod'));
    expect(withZod).toEqual([]);
    // The check itself can fail: the contract, imported statically, brings zod.
    expect([...staticClosure('shared/api/inputs.ts')].some((file) => readSource(ROOT, file).includes("from 'zod'"))).toBe(true);
  });
});

/** Every project file a module loads with it: value imports, followed, dynamic imports left out. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const found of importsOf(ROOT, file, readSource(ROOT, file))) {
      if (found.typeOnly || found.dynamic || !found.target) continue;
      const next = ['.ts', '.tsx', '/index.ts'].map((ending) => found.target + ending).find((candidate) => existsSync(join(ROOT, candidate)));
      if (next) visit(next);
    }
  };
  visit(entry);
  return seen;
}
