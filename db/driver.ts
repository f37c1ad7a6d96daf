import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which compiled build of better-sqlite3 this process loads. `npm ci` builds
 * the driver in node_modules for the system Node (the CLI, browser mode and
 * the tests use it); Electron has another module ABI and loads its own build,
 * kept in native/electron/ (see cli/electron-driver.ts), through
 * better-sqlite3's `nativeBinding` option. Rebuilding node_modules in place
 * for Electron would break everything that runs under Node.
 */

/** Where the Electron build of the driver lives, relative to the app's root folder. */
export const ELECTRON_DRIVER_RELATIVE = join('native', 'electron', 'better_sqlite3.node');

let nativeBinding: string | undefined;

/** Makes every register opened by this process (or worker) load `file`; undefined means node_modules' own build. */
export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** The options openRegister passes to better-sqlite3 for the driver choice. */
export function driverOptions(): { nativeBinding?: string } {
  return nativeBinding ? { nativeBinding } : {};
}

/**
 * The build this runtime must load: Electron's own build (under the app root;
 * from app.asar.unpacked in a package, since a .node file cannot be loaded from
 * inside an archive) when running in Electron, node_modules' build (undefined) under Node.
 */
export function driverBindingFor(versions: NodeJS.ProcessVersions, appRoot: string): string | undefined {
  if (!versions.electron) return undefined;
  return join(appRoot, ELECTRON_DRIVER_RELATIVE).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

const TAG = Buffer.from('node_register_module_v');

/**
 * The module ABI a native module was compiled for, read from the .node file
 * itself: Node's NODE_MODULE macro exports `node_register_module_v<ABI>`. Null
 * if the file has no such symbol (not a Node addon, or a N-API-only one).
 */
export function readAbiTag(file: string): number | null {
  const bytes = readFileSync(file);
  for (let at = bytes.indexOf(TAG); at !== -1; at = bytes.indexOf(TAG, at + 1)) {
    let end = at + TAG.length;
    while (end < bytes.length && bytes[end]! >= 0x30 && bytes[end]! <= 0x39) end += 1;
    if (end > at + TAG.length) return Number(bytes.subarray(at + TAG.length, end).toString('latin1'));
  }
  return null;
}

export type AbiCheck = { ok: true; abi: number } | { ok: false; abi: number | null; problem: string };

/**
 * Whether `file` can be loaded by a runtime whose process.versions.modules is
 * `modules` (the runtime that will load it, not the one asking).
 */
export function checkDriverAbi(file: string, modules: string): AbiCheck {
  let abi: number | null;
  try {
    abi = readAbiTag(file);
  } catch (error) {
    return { ok: false, abi: null, problem: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (abi === null) return { ok: false, abi, problem: `${file} is not a Node native module (no node_register_module_v<ABI> symbol)` };
  if (String(abi) !== modules) return { ok: false, abi, problem: `${file} is built for module ABI ${abi}, but the runtime loading it has ABI ${modules}` };
  return { ok: true, abi };
}
