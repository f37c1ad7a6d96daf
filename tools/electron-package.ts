import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * What `electron-builder` would put in the desktop package, computed from its
 * config (electron-builder.cjs) and package-lock.json without running it (it
 * needs Electron's binary): the app's files that match the `files` patterns,
 * plus the production dependencies that no negative pattern excludes; and
 * which of them go to app.asar.unpacked. Also the import graph of the built
 * main process and register worker, to check that everything the desktop app
 * loads is packed. Used by tests/electron/packaging.test.ts and `npm run dist`.
 */

export interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraMetadata: { main: string };
  linux: { maintainer?: string; target: string[] };
  [key: string]: unknown;
}

export function loadBuilderConfig(root: string): BuilderConfig {
  return createRequire(join(root, 'package.json'))(join(root, 'electron-builder.cjs')) as BuilderConfig;
}

/** A glob of electron-builder's `files` (minimatch syntax: **, *, ?, {a,b}) as a regular expression on a /-separated path. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      out += `(?:${glob.slice(i + 1, end).split(',').map((part) => part.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
      i = end;
    } else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Whether electron-builder would pack `path` (an app file, or a file of a production dependency). */
export function wouldPack(config: BuilderConfig, path: string, isDependency = path.startsWith('node_modules/')): boolean {
  return matcher(config.files).included(path, isDependency);
}

/** Whether a packed `path` goes to app.asar.unpacked. */
export function wouldUnpack(config: BuilderConfig, path: string): boolean {
  return config.asarUnpack.map(globToRegExp).some((re) => re.test(path));
}

function matcher(patterns: string[]): { included(path: string, isDependency: boolean): boolean } {
  const positive = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return {
    // Production dependencies are added by electron-builder itself; the patterns can only remove from them.
    included: (path, isDependency) => (isDependency || positive.some((re) => re.test(path))) && !negative.some((re) => re.test(path)),
  };
}

function walk(root: string, folder: string, skip: (path: string) => boolean, out: string[]): void {
  const here = join(root, folder);
  if (!existsSync(here)) return;
  for (const entry of readdirSync(here, { withFileTypes: true })) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (skip(path)) continue;
    if (entry.isDirectory()) walk(root, path, skip, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** node_modules folders of the production dependency tree (what npm installs with --omit=dev). */
export function productionPackages(root: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev && !info.devOptional)
    .map(([path]) => path)
    .filter((path) => existsSync(join(root, path)));
}

export interface PackPlan {
  /** Every packed file, /-separated, relative to the app root. */
  files: string[];
  /** The subset that goes to app.asar.unpacked. */
  unpacked: string[];
  /** Production packages (node_modules/…) of which at least one file is packed. */
  packages: string[];
}

export function packPlan(root: string, config: BuilderConfig = loadBuilderConfig(root)): PackPlan {
  const filter = matcher(config.files);
  const files: string[] = [];
  const app: string[] = [];
  walk(root, '', (path) => path === 'node_modules' || path === 'release' || path.startsWith('.'), app);
  files.push(...app.filter((path) => filter.included(path, false)));
  const packages: string[] = [];
  for (const pkg of productionPackages(root)) {
    const own: string[] = [];
    // Nested node_modules are packages of their own in the lock file.
    walk(root, pkg, (path) => path.endsWith('/node_modules'), own);
    const packed = own.filter((path) => filter.included(path, true));
    if (packed.length) packages.push(pkg);
    files.push(...packed);
  }
  return { files, unpacked: files.filter((path) => wouldUnpack(config, path)), packages };
}

export interface ImportGraph {
  /** Project files reached, relative to the root. */
  files: string[];
  /** Bare specifiers (packages and node: built-ins) loaded by static imports. */
  packages: Set<string>;
  /** Bare specifiers loaded only by a dynamic import(), with the file that does it. */
  dynamicPackages: Map<string, string[]>;
}

const STATIC = /(?:^|[;\n}])\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const WORKER_URL = /new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/** The package a bare specifier names ("@scope/name/sub" → "@scope/name"). */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * Follows the built ES modules from `entries` (compiled JavaScript), through
 * relative imports and the worker files they start with new URL(…, import.meta.url).
 */
export function importGraph(root: string, entries: string[], options: { followWorkers?: boolean } = {}): ImportGraph {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const dynamicPackages = new Map<string, string[]>();
  const queue = entries.map((entry) => resolve(root, entry));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file) || !statSync(file).isFile()) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const visit = (specifier: string, dynamic: boolean) => {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else if (dynamic) dynamicPackages.set(packageName(specifier), [...(dynamicPackages.get(packageName(specifier)) ?? []), relative(root, file).split(sep).join('/')]);
      else packages.add(specifier.startsWith('node:') ? specifier : packageName(specifier));
    };
    for (const match of code.matchAll(STATIC)) visit((match[1] ?? match[2])!, false);
    for (const match of code.matchAll(DYNAMIC)) visit(match[1]!, true);
    if (options.followWorkers !== false) for (const match of code.matchAll(WORKER_URL)) visit(match[1]!, false);
  }
  for (const name of packages) dynamicPackages.delete(name);
  return { files: [...seen].map((file) => relative(root, file).split(sep).join('/')).sort(), packages, dynamicPackages };
}
