import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { packageSchema } from '../../shared/package/schema.js';
import { snapshotDigest, sha256Hex } from '../../shared/snapshot/canonical.js';
import { jsonPath } from '../../shared/library/validation-error.js';
import { InputError } from '../errors.js';

export interface LockedCheck {
  uid: string;
  title: string;
  stored: string;
  recomputed: string;
  intact: boolean;
}

/**
 * Recomputes the digest of every locked assessment in a package or register
 * file from its stored snapshot, independently of the app's own import checks.
 */
export function lockedDigests(file: string): LockedCheck[] {
  if (!existsSync(file)) throw new InputError(`no such file: ${file}`);
  const head = readFileSync(file).subarray(0, 16).toString('latin1');
  return head.startsWith('SQLite format 3') ? fromRegister(file) : fromPackage(file);
}

function fromPackage(file: string): LockedCheck[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file} is neither a register nor a JSON package: ${(error as Error).message}`);
  }
  const parsed = packageSchema.safeParse(data);
  if (!parsed.success) {
    // A changed byte inside a locked snapshot may break its shape as well as its digest: report either.
    throw new InputError(`${file} is not a valid package:\n${parsed.error.issues.slice(0, 5).map((i) => `${jsonPath(i.path)}: ${i.message}`).join('\n')}`);
  }
  return parsed.data.assessments
    .filter((a) => a.lock)
    .map((a) => {
      const recomputed = snapshotDigest(a.lock!.snapshot);
      return { uid: a.uid, title: a.title, stored: a.lock!.digest, recomputed, intact: recomputed === a.lock!.digest };
    });
}

function fromRegister(file: string): LockedCheck[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT uid, title, snapshot, digest FROM assessments WHERE status = 'locked' ORDER BY id").all() as Array<{ uid: string; title: string; snapshot: string; digest: string }>;
    // The register stores the canonical JSON itself, so its bytes are hashed as they are.
    return rows.map((row) => {
      const recomputed = sha256Hex(row.snapshot);
      return { uid: row.uid, title: row.title, stored: row.digest, recomputed, intact: recomputed === row.digest };
    });
  } finally {
    db.close();
  }
}
