import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupRegister } from '../db/backup.js';
import type { Register } from '../db/register.js';
import type { AuthorityRecord, ImportSummary } from '../shared/domain/records.js';
import type { ApiResult } from '../shared/api/methods.js';
import type { AssessmentPackage } from '../shared/package/schema.js';
import { dispatchSync, type ApiEnvironment } from './api-link.js';
import { packageFileName } from './package-file-name.js';

export { packageFileName };

/**
 * What the File menu does with files, without Electron's dialogs (run in the
 * register worker, electron/register-worker.ts, off Electron's main thread): each action
 * goes through the same dispatcher as the renderer's calls and returns the
 * result union, so the menu only has to show a message.
 */

/** Packages are JSON metadata (evidence travels as hashes, not bytes): anything larger is not one. */
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

function failure(code: 'invalid_input' | 'invalid' | 'conflict' | 'internal', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

export function listAuthorities(register: Register, env: ApiEnvironment): ApiResult<AuthorityRecord[]> {
  return dispatchSync(register, env, 'authorities.list', {}) as ApiResult<AuthorityRecord[]>;
}

/** One authority's package into `file` (the save dialog already asked before overwriting). */
export function exportPackageTo(register: Register, env: ApiEnvironment, authorityId: number, file: string): ApiResult<{ file: string }> {
  const result = dispatchSync(register, env, 'packages.export', { authorityId }) as ApiResult<AssessmentPackage>;
  if (!result.ok) return result;
  try {
    writeFileSync(file, `${JSON.stringify(result.value, null, 2)}\n`);
  } catch (error) {
    return failure('internal', `cannot write ${file}: ${(error as Error).message}`);
  }
  return { ok: true, value: { file } };
}

/** Every authority's package, one file each, into `folder`; existing files are never overwritten. */
export function exportAllPackages(register: Register, env: ApiEnvironment, folder: string, onProgress: (done: number, total: number) => void = () => {}): ApiResult<{ files: string[] }> {
  const authorities = listAuthorities(register, env);
  if (!authorities.ok) return authorities;
  const clashes = authorities.value.map((a) => join(folder, packageFileName(a))).filter((file) => existsSync(file));
  if (clashes.length) return failure('conflict', `these files already exist; choose another folder: ${clashes.join(', ')}`);
  const files: string[] = [];
  onProgress(0, authorities.value.length);
  for (const authority of authorities.value) {
    const file = join(folder, packageFileName(authority));
    const result = dispatchSync(register, env, 'packages.export', { authorityId: authority.id }) as ApiResult<AssessmentPackage>;
    if (!result.ok) return result;
    try {
      writeFileSync(file, `${JSON.stringify(result.value, null, 2)}\n`, { flag: 'wx' });
    } catch (error) {
      return failure('internal', `cannot write ${file}: ${(error as Error).message}`);
    }
    files.push(file);
    onProgress(files.length, authorities.value.length);
  }
  return { ok: true, value: { files } };
}

/**
 * Reads a package file and imports it. The package is untrusted input: it is
 * size-capped here and fully validated by packages.import before anything is written.
 */
export function importPackageFile(register: Register, env: ApiEnvironment, file: string): ApiResult<ImportSummary> {
  let data: unknown;
  try {
    const size = statSync(file).size;
    if (size > MAX_PACKAGE_BYTES) return failure('invalid', `${file} is ${size} bytes; a package is at most ${MAX_PACKAGE_BYTES} bytes`);
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message;
    return failure('invalid', `cannot read ${file} as a package: ${reason}`);
  }
  const result = dispatchSync(register, env, 'packages.import', { package: data }) as ApiResult<ImportSummary>;
  if (!result.ok && result.error.code === 'conflict' && needsKeyConfirmation(register, env, data)) {
    // A menu's dialog cannot take the reason a new key needs; the Authorities screen can.
    return failure('conflict', `${result.error.message}.\n\n${KEY_CHANGE_HINT}`);
  }
  return result;
}

export const KEY_CHANGE_HINT = 'To accept the new key, import the package from the Authorities screen, which shows both keys and asks for your reason.';

/** The trust list's verdict on a new authority's package (the same check the app's folder import makes). */
function needsKeyConfirmation(register: Register, env: ApiEnvironment, data: unknown): boolean {
  const preview = dispatchSync(register, env, 'packages.preview', { package: data }) as ApiResult<{ kind: string; trust: { needsConfirmation: boolean } }>;
  return preview.ok && preview.value.kind === 'new' && preview.value.trust.needsConfirmation;
}

/** A consistent copy of the open register into a new file (never over an existing one, never over itself). */
export function backupRegisterTo(register: Register, file: string): ApiResult<{ file: string }> {
  if (resolve(file) === resolve(register.file)) return failure('invalid_input', 'the backup cannot replace the register itself; choose another name');
  if (existsSync(file)) return failure('conflict', `${file} already exists; choose a new name for the backup`);
  try {
    return { ok: true, value: { file: backupRegister(register, file) } };
  } catch (error) {
    return failure('internal', `backup failed: ${(error as Error).message}`);
  }
}
