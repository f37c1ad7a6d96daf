import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import found in a source file, resolved to a project path or left as a package name. */
export interface FoundImport {
  from: string;
  specifier: string;
  /** Project-relative path of the imported file for relative imports; null for packages and built-ins. */
  target: string | null;
  typeOnly: boolean;
  /** `import('…')`: loaded when the code runs, not with the importing module. */
  dynamic: boolean;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every static and dynamic import of a TypeScript or JavaScript source. */
export function importsOf(root: string, file: string, source: string): FoundImport[] {
  const found: FoundImport[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4]!;
    const typeOnly = Boolean(match[2]);
    const target = specifier.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), specifier)).replace(/\\/g, '/').replace(/\.js$/, '') : null;
    found.push({ from: file, specifier, target, typeOnly, dynamic: match[4] !== undefined });
  }
  return found;
}

export function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      if (name === 'node_modules' || name === 'dist') continue;
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) out.push(path);
    }
  };
  walk(folder);
  return out;
}

/** What a layer may import: other top-level folders of the project, and packages. */
export interface LayerRule {
  layer: string;
  folders: string[];
  /** Package names (or node: built-ins) allowed; `*` allows any package except Node built-ins. */
  packages: string[] | '*';
  nodeBuiltins: boolean;
}

const BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'url', 'http', 'https', 'net', 'child_process', 'worker_threads', 'stream', 'util', 'zlib', 'events', 'buffer', 'vm', 'perf_hooks', 'readline', 'process', 'assert']);

function packageName(specifier: string): string {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
}

/** Every import that breaks its layer's rule, as a readable line. */
export function violations(imports: FoundImport[], rules: LayerRule[]): string[] {
  const problems: string[] = [];
  for (const found of imports) {
    const rule = rules.find((r) => found.from.startsWith(`${r.layer}/`));
    if (!rule) continue;
    if (found.target !== null) {
      const folder = found.target.split('/')[0]!;
      if (folder !== rule.layer && !rule.folders.includes(folder)) problems.push(`${found.from} imports ${found.specifier} (${rule.layer}/ may not import ${folder}/)`);
      continue;
    }
    const name = packageName(found.specifier);
    const builtin = name.startsWith('node:') || BUILTINS.has(name);
    if (builtin) {
      if (!rule.nodeBuiltins) problems.push(`${found.from} imports ${found.specifier} (${rule.layer}/ may not use Node built-ins)`);
    } else if (rule.packages !== '*' && !rule.packages.includes(name)) {
      problems.push(`${found.from} imports ${found.specifier} (${rule.layer}/ may use only ${rule.packages.join(', ') || 'no packages'})`);
    }
  }
  return problems;
}

/** Import cycles among the given files (runtime imports only), each as a path of files. */
export function cycles(imports: FoundImport[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const found of imports) {
    if (found.typeOnly || found.target === null) continue;
    const from = found.from.replace(/\.(ts|tsx|mts|mjs)$/, '');
    graph.set(from, [...(graph.get(from) ?? []), found.target]);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

export function readSource(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}
