import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEnvironment } from '../../api/handler-types.js';
import { createDemo } from '../../db/demo.js';
import { listAuthorities } from '../../db/authorities.js';
import { openRegister } from '../../db/register.js';
import { dbArgument, registerFileFor, secondLaunchRegister } from '../../electron/args.js';
import { backupRegisterTo, exportAllPackages, exportPackageTo, importPackageFile, KEY_CHANGE_HINT, packageFileName } from '../../electron/file-actions.js';
import { dispatchSync } from '../../electron/api-link.js';
import { FileKeyStore } from '../../db/keys.js';
import { lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import { exportPackage } from '../../db/package-export.js';
import { newSecretKey, publicKeyOf, sign } from '../../shared/signing/ed25519.js';
import { as, REVIEWER, seedAuthority, SUBMITTER } from '../helpers/register-fixtures.js';
import { RegisterHolder } from '../../electron/register-holder.js';
import { rowCounts, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env: ApiEnvironment = { transport: 'electron', version: '0.0.0' };

describe('register file choice', () => {
  it('takes --db FILE or --db=FILE, else PERMIT_INTEGRITY_DB, else the user-data folder', () => {
    expect(dbArgument(['/usr/bin/electron', 'dist/electron/main.js', '--db', '/a/r.sqlite'])).toBe('/a/r.sqlite');
    expect(dbArgument(['app', '--db=/b/r.sqlite'])).toBe('/b/r.sqlite');
    expect(dbArgument(['app', '--db'])).toBeNull();
    expect(dbArgument(['app', '--db', '--inspect'])).toBeNull();
    expect(registerFileFor(['app'], {}, '/home/u/.config/permit-integrity')).toBe(join('/home/u/.config/permit-integrity', 'register.sqlite'));
    expect(registerFileFor(['app'], { PERMIT_INTEGRITY_DB: '/env.sqlite' }, '/ud')).toBe('/env.sqlite');
    expect(registerFileFor(['app', '--db', '/arg.sqlite'], { PERMIT_INTEGRITY_DB: '/env.sqlite' }, '/ud')).toBe('/arg.sqlite');
  });

  it('on a second launch, names the register its --db asks for (relative to where it was started), unless it is the open one', () => {
    expect(secondLaunchRegister(['/opt/app/permit-integrity', '--db', 'other.sqlite'], '/home/u/work', '/home/u/reg.sqlite')).toBe('/home/u/work/other.sqlite');
    expect(secondLaunchRegister(['/opt/app/permit-integrity', '--db=/data/b.sqlite'], '/tmp', '/home/u/reg.sqlite')).toBe('/data/b.sqlite');
    expect(secondLaunchRegister(['/opt/app/permit-integrity', '--db', '../reg.sqlite'], '/home/u/work', '/home/u/reg.sqlite')).toBeNull();
    expect(secondLaunchRegister(['/opt/app/permit-integrity'], '/home/u', '/home/u/reg.sqlite')).toBeNull();
  });
});

describe('package files', () => {
  it('names a package after its authority in plain letters', () => {
    expect(packageFileName({ id: 3, name: 'Autorité CITES de Véridia / Nord' })).toBe('autorite-cites-de-veridia-nord-3.json');
    expect(packageFileName({ id: 4, name: '???' })).toBe('authority-4.json');
  });

  it('exports every authority into a folder and imports one into another register', () => {
    const source = temp.open();
    createDemo(source);
    const folder = temp.dir();
    const exported = exportAllPackages(source, env, folder);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.value.files.length).toBe(listAuthorities(source).length);
    expect(readdirSync(folder).sort()).toEqual(exported.value.files.map((f) => f.slice(folder.length + 1)).sort());

    // A second export into the same folder overwrites nothing.
    const again = exportAllPackages(source, env, folder);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const target = temp.open();
    const imported = importPackageFile(target, env, exported.value.files[0]!);
    expect(imported.ok).toBe(true);
    expect(listAuthorities(target)).toHaveLength(1);
  });

  it('exports one authority to a chosen file', () => {
    const source = temp.open();
    createDemo(source);
    const authority = listAuthorities(source)[0]!;
    const file = join(temp.dir(), 'one.json');
    expect(exportPackageTo(source, env, authority.id, file)).toEqual({ ok: true, value: { file } });
    expect(JSON.parse(readFileSync(file, 'utf8')).authority.name).toBe(authority.name);
    expect(exportPackageTo(source, env, 999_999, file)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a file that is not a valid package, writing nothing', () => {
    const register = temp.open();
    const dir = temp.dir();
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ format: 'something else' }));
    expect(importPackageFile(register, env, join(dir, 'broken.json'))).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(importPackageFile(register, env, join(dir, 'wrong.json'))).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(importPackageFile(register, env, join(dir, 'missing.json'))).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(listAuthorities(register)).toHaveLength(0);
  });
});

describe('backup', () => {
  it('writes a consistent copy to a new file, never over an existing file or the register itself', () => {
    const register = temp.open();
    createDemo(register);
    const file = join(temp.dir(), 'copy.sqlite');
    expect(backupRegisterTo(register, file)).toEqual({ ok: true, value: { file } });
    const copy = temp.open({ mustExist: true }, file);
    expect(listAuthorities(copy)).toEqual(listAuthorities(register));
    expect(backupRegisterTo(register, file)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(backupRegisterTo(register, register.file)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('RegisterHolder', () => {
  it('opens the new register before closing the old, and keeps the old one if opening fails', () => {
    const first = openRegister(temp.path());
    const holder = new RegisterHolder(first);
    expect(() => holder.replace(() => openRegister(join(temp.dir(), 'missing.sqlite'), { mustExist: true }))).toThrow();
    expect(holder.current).toBe(first);
    expect(first.db.open).toBe(true);

    const secondFile = temp.path();
    const second = holder.replace(() => openRegister(secondFile));
    expect(holder.current).toBe(second);
    expect(first.db.open).toBe(false);
    expect(existsSync(secondFile)).toBe(true);

    holder.close();
    expect(second.db.open).toBe(false);
    expect(holder.isOpen).toBe(false);
    expect(() => holder.current).toThrow(/closed/);
    holder.close();
  });
});

describe('File → Import package with a new signing key', () => {
  it('is refused with nothing written, and the message says where the key change can be confirmed', () => {
    // An authority locks an assessment with its key; the consultant imports it, then removes it.
    const dir = temp.dir();
    const authority = temp.open({ keys: new FileKeyStore(join(dir, 'authority-keys')) });
    const { assessment } = seedAuthority(authority);
    transitionAssessment(as(authority, SUBMITTER), assessment.id, 'submitted');
    transitionAssessment(as(authority, REVIEWER), assessment.id, 'reviewed');
    lockAssessment(authority, assessment.id);
    const pkg = exportPackage(authority, 1);
    const consultant = temp.open({ keys: new FileKeyStore(join(dir, 'consultant-keys')) });
    const first = join(dir, 'first.json');
    writeFileSync(first, JSON.stringify(pkg));
    const imported = importPackageFile(consultant, env, first);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(dispatchSync(consultant, env, 'authorities.delete', { id: imported.value.authorityId, confirmName: pkg.authority.name }).ok).toBe(true);

    // The same authority again, its locks signed by another key: the trust list stops it.
    const stranger = newSecretKey();
    const resigned = JSON.parse(JSON.stringify(pkg)) as typeof pkg;
    for (const a of resigned.assessments) if (a.lock) Object.assign(a.lock, { publicKey: publicKeyOf(stranger), signature: sign(stranger, 'lock', a.lock.digest) });
    const second = join(dir, 'second.json');
    writeFileSync(second, JSON.stringify(resigned));
    const before = rowCounts(consultant.db);
    const refused = importPackageFile(consultant, env, second);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.message).toMatch(/is trusted with key/);
    expect(refused.error.message).toContain(KEY_CHANGE_HINT);
    expect(rowCounts(consultant.db)).toEqual(before);

    // Another conflict (the authority is already here) gets no such hint.
    const again = importPackageFile(authority, env, first);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).not.toContain(KEY_CHANGE_HINT);
  });
});
