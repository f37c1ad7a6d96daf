import Database from 'better-sqlite3';
import { packageSchema } from '../../shared/package/schema.js';
import { snapshotDigest, sha256Hex } from '../../shared/snapshot/canonical.js';
import { snapshotSchema, type Snapshot } from '../../shared/snapshot/schema.js';
import { snapshotIssues } from '../../shared/snapshot/consistency.js';
import { builtInBase, builtInLibrary } from '../../shared/library/builtin.js';
import { parseFramework } from '../../shared/library/load.js';
import type { Framework } from '../../shared/library/schema.js';
import type { Library } from '../../shared/library/library.js';
import { jsonPath } from '../../shared/library/validation-error.js';
import { InputError } from '../errors.js';
import { readableFile } from './readable-file.js';

export interface LockedCheck {
  uid: string;
  title: string;
  stored: string;
  recomputed: string;
  /** The stored digest is the SHA-256 of the stored snapshot. */
  intact: boolean;
  /** What is wrong with the snapshot itself (against the library, or inside it); empty when consistent. */
  problems: string[];
  /** The parsed snapshot, for reading a report's figures back (not printed). */
  snapshot?: Snapshot;
  /** Set by signature checks: the Ed25519 signature over the digest, if any. */
  signature?: { key: string; signature: string; signer: string | null } | null;
}

/** A package or register, read for checking: its locked assessments and its own authority. */
export interface LockedSource {
  kind: 'package' | 'register';
  checks: LockedCheck[];
  /** The audit head the package says its register had, when it carries one. */
  auditHead: string | null;
}

/**
 * Recomputes the digest of every locked assessment in a package or register
 * file from its stored snapshot, independently of the app's own import checks,
 * and checks each snapshot against the library it names.
 */
export function lockedDigests(file: string): LockedCheck[] {
  return readLocked(file).checks;
}

export function readLocked(file: string): LockedSource {
  const bytes = readableFile(file);
  return bytes.subarray(0, 16).toString('latin1').startsWith('SQLite format 3') ? fromRegister(file) : fromPackage(file, bytes);
}

function fromPackage(file: string, bytes: Buffer): LockedSource {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file} is neither a register nor a JSON package: ${(error as Error).message}`);
  }
  const parsed = packageSchema.safeParse(data);
  if (!parsed.success) {
    // A changed byte inside a locked snapshot may break its shape as well as its digest: report either.
    throw new InputError(`${file} is not a valid package:\n${parsed.error.issues.slice(0, 5).map((i) => `${jsonPath(i.path)}: ${i.message}`).join('\n')}`);
  }
  const library = libraryWith(parsed.data.frameworks.map((f) => ({ id: f.id, definition: f })));
  const checks = parsed.data.assessments
    .filter((a) => a.lock)
    .map((a) => {
      const recomputed = snapshotDigest(a.lock!.snapshot);
      const problems = problemsOf(a.lock!.snapshot, library);
      const lock = a.lock as typeof a.lock & { signature?: string; publicKey?: string; signer?: string };
      const signature = lock.signature && lock.publicKey ? { key: lock.publicKey, signature: lock.signature, signer: lock.signer ?? null } : null;
      return { uid: a.uid, title: a.title, stored: a.lock!.digest, recomputed, intact: recomputed === a.lock!.digest, problems, signature, snapshot: a.lock!.snapshot };
    });
  const head = (parsed.data as { auditHead?: string }).auditHead ?? null;
  return { kind: 'package', checks, auditHead: head };
}

function fromRegister(file: string): LockedSource {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new InputError(`cannot open ${file} as a register: ${(error as Error).message}`);
  }
  try {
    const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('assessments')").all() as Array<{ name: string }>).map((c) => c.name));
    if (!columns.has('snapshot') || !columns.has('digest')) throw new InputError(`${file} is an SQLite database of another program, not a register`);
    const signed = columns.has('signature');
    const rows = db
      .prepare(`SELECT uid, title, snapshot, digest${signed ? ', signature, signer_key, signer_name' : ''} FROM assessments WHERE status = 'locked' ORDER BY id`)
      .all() as Array<{ uid: string; title: string; snapshot: string; digest: string; signature?: string | null; signer_key?: string | null; signer_name?: string | null }>;
    const library = libraryWith(db.prepare('SELECT id, definition FROM frameworks').all() as Array<{ id: string; definition: string }>);
    // The register stores the canonical JSON itself, so its bytes are hashed as they are.
    const checks = rows.map((row) => {
      const recomputed = sha256Hex(row.snapshot);
      let problems: string[];
      let snapshot: Snapshot | undefined;
      try {
        snapshot = snapshotSchema.parse(JSON.parse(row.snapshot));
        problems = problemsOf(snapshot, library);
      } catch (error) {
        problems = [`the stored snapshot is not a valid snapshot: ${(error as Error).message.split('\n')[0]}`];
      }
      const signature = row.signature && row.signer_key ? { key: row.signer_key, signature: row.signature, signer: row.signer_name ?? null } : null;
      return { uid: row.uid, title: row.title, stored: row.digest, recomputed, intact: recomputed === row.digest, problems, signature, snapshot };
    });
    return { kind: 'register', checks, auditHead: null };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${file} as a register: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function problemsOf(snapshot: Parameters<typeof snapshotIssues>[0], library: Library): string[] {
  return snapshotIssues(snapshot, library).map((issue) => `${issue.path}: ${issue.message}`);
}

/** The built-in library plus the custom frameworks a package embeds or a register imported; a bad one is skipped. */
function libraryWith(customs: Array<{ id: string; definition: unknown }>): Library {
  const frameworks: Framework[] = [];
  for (const custom of customs) {
    try {
      const definition = typeof custom.definition === 'string' ? JSON.parse(custom.definition) : custom.definition;
      frameworks.push(parseFramework(`framework "${custom.id}"`, definition, builtInBase()));
    } catch {
      // A snapshot naming it will then be reported as referring to an unknown framework.
    }
  }
  try {
    return builtInLibrary(frameworks);
  } catch {
    return builtInLibrary();
  }
}
