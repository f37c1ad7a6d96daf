import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkDriverAbi, driverBindingFor, driverOptions, readAbiTag, useNativeBinding } from '../../db/driver.js';
import { closeRegister, openRegister } from '../../db/register.js';

/**
 * Two builds of the SQLite driver: node_modules' for Node, native/electron's
 * for Electron. The choice is made by runtime, and a build's ABI is read from
 * the .node file and compared with the runtime that will load it.
 */
const NODE_BUILD = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const folder = mkdtempSync(join(tmpdir(), 'permit-integrity-driver-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => useNativeBinding(undefined));

function fakeAddon(name: string, content: string): string {
  const file = join(folder, name);
  writeFileSync(file, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), Buffer.from(content), Buffer.from([0, 0x90])]));
  return file;
}

describe('the driver build a runtime loads', () => {
  it('is node_modules’ own build under Node, and native/electron’s under Electron', () => {
    const node = { ...process.versions } as NodeJS.ProcessVersions;
    delete (node as { electron?: string }).electron;
    expect(driverBindingFor(node, '/work/app')).toBeUndefined();
    const electron = { ...node, electron: '45.5.0', modules: '150' } as NodeJS.ProcessVersions;
    expect(driverBindingFor(electron, '/work/app')).toBe(join('/work/app', 'native', 'electron', 'better_sqlite3.node'));
    // In a package the app root is app.asar; a .node file can only be loaded from app.asar.unpacked.
    expect(driverBindingFor(electron, '/opt/Permit Integrity/resources/app.asar')).toBe(join('/opt/Permit Integrity/resources/app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('reads the module ABI from the .node file itself', () => {
    expect(readAbiTag(NODE_BUILD)).toBe(Number(process.versions.modules));
    expect(readAbiTag(fakeAddon('electron.node', 'xx node_register_module_v150\0'))).toBe(150);
    expect(readAbiTag(fakeAddon('napi.node', 'napi_register_module_v1 node_register_module_v'))).toBeNull();
  });

  it('compares that ABI with the runtime that will load the file', () => {
    expect(checkDriverAbi(NODE_BUILD, process.versions.modules)).toEqual({ ok: true, abi: Number(process.versions.modules) });
    const electronBuild = fakeAddon('for-electron.node', 'node_register_module_v150');
    expect(checkDriverAbi(electronBuild, '150')).toEqual({ ok: true, abi: 150 });
    const wrong = checkDriverAbi(NODE_BUILD, '150');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problem).toContain(`built for module ABI ${process.versions.modules}, but the runtime loading it has ABI 150`);
    const missing = checkDriverAbi(join(folder, 'none.node'), '150');
    expect(missing).toMatchObject({ ok: false, abi: null });
  });

  it('passes the chosen build to better-sqlite3 as nativeBinding', () => {
    expect(driverOptions()).toEqual({});
    // A copy of the Node build at another place is loaded from there…
    const copy = join(folder, 'copy', 'better_sqlite3.node');
    rmSync(dirname(copy), { recursive: true, force: true });
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(NODE_BUILD, copy);
    useNativeBinding(copy);
    expect(driverOptions()).toEqual({ nativeBinding: copy });
    const register = openRegister(join(folder, 'with-copy.sqlite'));
    closeRegister(register);
    // …and a file that is no driver makes opening fail, so the option is really used.
    useNativeBinding(fakeAddon('broken.node', 'node_register_module_v150'));
    expect(() => openRegister(join(folder, 'with-broken.sqlite'))).toThrow(/cannot open .* as a register/);
  });
});
