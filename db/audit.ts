import type { AuditRecord, AuditVerification } from '../shared/domain/records.js';
import { canonicalJson, sha256Hex } from '../shared/snapshot/canonical.js';
import type { Register } from './register.js';
import { actorName } from './settings.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'transition' | 'import' | 'clone' | 'lock' | 'export' | 'trust' | 'override';
  entity: 'authority' | 'control' | 'evidence' | 'assessment' | 'criterion' | 'chain' | 'framework' | 'setting' | 'action' | 'comment' | 'key' | 'report' | 'package';
  entityId: string;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  justification?: string | null;
}

export type AuditRow = AuditRecord;

/** The hash covers every column but the id and the hash itself, chained to the previous row. */
export function auditRowHash(row: Omit<AuditRow, 'id' | 'hash'>): string {
  return sha256Hex(
    canonicalJson([row.prevHash, row.at, row.actor, row.action, row.entity, row.entityId, row.field, row.oldValue, row.newValue, row.justification]),
  );
}

function encode(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Appends one row; call inside the transaction that makes the change, so both land or neither. */
export function appendAudit(register: Register, entry: AuditEntry): void {
  const last = register.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const row = {
    at: register.now(),
    actor: actorName(register),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    field: entry.field ?? null,
    oldValue: encode(entry.oldValue),
    newValue: encode(entry.newValue),
    justification: entry.justification ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  register.db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, field, old_value, new_value, justification, prev_hash, hash)
       VALUES (@at, @actor, @action, @entity, @entityId, @field, @oldValue, @newValue, @justification, @prevHash, @hash)`,
    )
    .run({ ...row, hash: auditRowHash(row) });
}

/** Records each changed field of an entity as its own audit row. */
export function auditChanges(
  register: Register,
  base: Omit<AuditEntry, 'field' | 'oldValue' | 'newValue'>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): void {
  for (const field of Object.keys(after)) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    appendAudit(register, { ...base, field, oldValue: before[field] ?? null, newValue: after[field] });
  }
}

const SELECT_ROWS = `SELECT id, at, actor, action, entity, entity_id AS entityId, field, old_value AS oldValue,
  new_value AS newValue, justification, prev_hash AS prevHash, hash FROM audit_log`;

export function listAudit(
  register: Register,
  options: { entity?: string; entityId?: string; limit?: number; beforeId?: number; newestFirst?: boolean } = {},
): AuditRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.entity) (where.push('entity = ?'), params.push(options.entity));
  if (options.entityId) (where.push('entity_id = ?'), params.push(options.entityId));
  if (options.beforeId) (where.push('id < ?'), params.push(options.beforeId));
  const sql = `${SELECT_ROWS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id ${options.newestFirst ? 'DESC' : ''} LIMIT ?`;
  return register.db.prepare(sql).all(...params, options.limit ?? -1) as AuditRow[];
}

export type { AuditVerification };

/**
 * Walks the chain from the first row. A row whose content no longer matches its
 * hash, or whose link does not match the row before it (a row edited, removed
 * or inserted), is reported; everything after it is suspect too.
 */
export function verifyAudit(register: Register): AuditVerification {
  let previous = GENESIS_HASH;
  let rows = 0;
  for (const row of register.db.prepare(`${SELECT_ROWS} ORDER BY id`).iterate() as IterableIterator<AuditRow>) {
    rows += 1;
    if (row.prevHash !== previous) return { ok: false, rows, firstBadId: row.id, problem: 'broken-link', reason: 'its link to the previous row is broken (a row was removed, inserted or reordered)' };
    if (auditRowHash(row) !== row.hash) return { ok: false, rows, firstBadId: row.id, problem: 'content-mismatch', reason: 'its content does not match its hash (the row was edited)' };
    previous = row.hash;
  }
  return { ok: true, rows };
}

/** The audit rows about one assessment: the assessment itself and its criterion and chain inputs. */
export function auditForAssessment(register: Register, assessmentUid: string, limit = 500): AuditRow[] {
  return register.db
    .prepare(`${SELECT_ROWS} WHERE entity_id = ? OR substr(entity_id, 1, ?) = ? ORDER BY id LIMIT ?`)
    .all(assessmentUid, assessmentUid.length + 1, `${assessmentUid}/`, limit) as AuditRow[];
}
