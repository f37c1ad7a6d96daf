import { cachedStatement } from './statements.js';
import type { EvidenceRecord } from '../shared/domain/records.js';
import { createHash, randomUUID } from 'node:crypto';
import { evidenceInput, type EvidenceInput } from '../shared/domain/inputs.js';
import { appendAudit } from './audit.js';
import { getControl } from './controls.js';
import { RegisterError } from './errors.js';
import { inTransaction, type Register } from './register.js';
import { found } from './rows.js';
import { parseInput } from './validate.js';

import { MAX_EVIDENCE_BYTES } from '../shared/domain/limits.js';

export { MAX_EVIDENCE_BYTES };

export type EvidenceRow = EvidenceRecord;

export interface EvidenceFile {
  name: string;
  content: Uint8Array;
  mediaType?: string | null;
}

/** File metadata without the bytes: what a package carries when the file stays behind. */
export interface EvidenceFileMeta {
  name: string;
  sha256: string;
  size: number;
  mediaType: string | null;
}

const SELECT = `SELECT id, uid, control_id AS controlId, title, date, expiry, file_name AS fileName, file_sha256 AS fileSha256,
  file_size AS fileSize, media_type AS mediaType, created_at AS createdAt FROM evidence`;

export function listEvidence(register: Register, controlId: number): EvidenceRow[] {
  return cachedStatement(register.db, `${SELECT} WHERE control_id = ? ORDER BY date DESC, id`).all(controlId) as EvidenceRow[];
}

export function listEvidenceForAuthority(register: Register, authorityId: number): EvidenceRow[] {
  return cachedStatement(register.db, `${SELECT} WHERE control_id IN (SELECT id FROM controls WHERE authority_id = ?) ORDER BY control_id, date DESC, id`)
    .all(authorityId) as EvidenceRow[];
}

export function getEvidence(register: Register, id: number): EvidenceRow {
  return found(cachedStatement(register.db, `${SELECT} WHERE id = ?`).get(id) as EvidenceRow | undefined, `evidence ${id}`);
}

export function sha256OfBytes(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Records an evidence item, optionally with its file (hashed and stored) or with
 * only a file's metadata (from a package, whose bytes stayed with the authority).
 */
export function addEvidence(
  register: Register,
  controlId: number,
  input: EvidenceInput,
  file: EvidenceFile | EvidenceFileMeta | null = null,
  options: { uid?: string; createdAt?: string } = {},
): EvidenceRow {
  const data = parseInput(evidenceInput, input, 'evidence');
  const content = file && 'content' in file ? file.content : null;
  if (content && content.byteLength > MAX_EVIDENCE_BYTES) {
    throw new RegisterError('invalid', `invalid evidence: file: ${file!.name} is ${content.byteLength} bytes; the limit is ${MAX_EVIDENCE_BYTES}`);
  }
  const meta: EvidenceFileMeta | null = file
    ? content
      ? { name: file.name, sha256: sha256OfBytes(content), size: content.byteLength, mediaType: file.mediaType ?? null }
      : (file as EvidenceFileMeta)
    : null;
  const uid = options.uid ?? randomUUID();
  return inTransaction(register, () => {
    const control = getControl(register, controlId);
    const { lastInsertRowid } = register.db
      .prepare(
        `INSERT INTO evidence (uid, control_id, title, date, expiry, file_name, file_sha256, file_size, media_type, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uid, controlId, data.title, data.date, data.expiry, meta?.name ?? null, meta?.sha256 ?? null, meta?.size ?? null, meta?.mediaType ?? null, options.createdAt ?? register.now());
    if (content) register.db.prepare('INSERT INTO evidence_files (evidence_id, content) VALUES (?, ?)').run(lastInsertRowid, content);
    appendAudit(register, { action: 'create', entity: 'evidence', entityId: uid, newValue: { control: control.uid, ...data, file: meta } });
    return getEvidence(register, Number(lastInsertRowid));
  });
}

export function deleteEvidence(register: Register, id: number): void {
  inTransaction(register, () => {
    const before = getEvidence(register, id);
    register.db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
    appendAudit(register, { action: 'delete', entity: 'evidence', entityId: before.uid, oldValue: before });
  });
}

/** The stored bytes, or null when only metadata was recorded (e.g. imported from a package). */
export function readEvidenceFile(register: Register, id: number): Buffer | null {
  const row = register.db.prepare('SELECT content FROM evidence_files WHERE evidence_id = ?').get(id) as { content: Buffer } | undefined;
  return row?.content ?? null;
}
