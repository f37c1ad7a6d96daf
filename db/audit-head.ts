import { appendAudit, GENESIS_HASH } from './audit.js';
import { RegisterError } from './errors.js';
import { inTransaction, type Register } from './register.js';

/**
 * The audit head: how many rows the log holds and the hash of the last one.
 * The chain proves that no row before the head was changed; only a head kept
 * somewhere else (a package, a report, a note) proves that no row at the end
 * was cut off, since cutting the tail leaves a shorter chain that still links.
 */
export interface AuditHead {
  rows: number;
  hash: string;
}

export type HeadCheck =
  | { ok: true; rows: number; expected: AuditHead }
  | { ok: false; rows: number; expected: AuditHead; problem: 'truncated' | 'diverged'; reason: string };

const HEAD_TEXT = /^(\d{1,12}):([0-9a-f]{64})$/;

export function auditHead(register: Register): AuditHead {
  const last = register.db.prepare('SELECT count(*) AS rows, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash FROM audit_log').get() as { rows: number; hash: string | null };
  return { rows: last.rows, hash: last.hash ?? GENESIS_HASH };
}

/** `COUNT:HASH`, the form printed on reports and taken by `verify-audit --expect-head`. */
export function formatHead(head: AuditHead): string {
  return `${head.rows}:${head.hash}`;
}

export function parseHead(text: string): AuditHead {
  const match = HEAD_TEXT.exec(text.trim());
  if (!match) throw new RegisterError('invalid', `audit head: "${text}" is not COUNT:HASH (a row count, a colon and 64 lower-case hex digits)`);
  return { rows: Number(match[1]), hash: match[2]! };
}

/**
 * Checks that the log still reaches a head recorded earlier: at least that
 * many rows, and row number `rows` carries that hash. Run it with verifyAudit,
 * which proves the rows up to there were not edited.
 */
export function checkHead(register: Register, expected: AuditHead): HeadCheck {
  const { rows } = auditHead(register);
  if (rows < expected.rows) {
    return { ok: false, rows, expected, problem: 'truncated', reason: `the log has ${rows} rows but held ${expected.rows} when this head was recorded: ${expected.rows - rows} row(s) at the end were removed` };
  }
  if (expected.rows === 0) return expected.hash === GENESIS_HASH ? { ok: true, rows, expected } : { ok: false, rows, expected, problem: 'diverged', reason: 'an empty log has no hash but the genesis hash' };
  const at = register.db.prepare('SELECT hash FROM audit_log ORDER BY id LIMIT 1 OFFSET ?').get(expected.rows - 1) as { hash: string };
  if (at.hash !== expected.hash) {
    return { ok: false, rows, expected, problem: 'diverged', reason: `row ${expected.rows} has a different hash than when this head was recorded: the log was rewritten from there (or rows before it were removed)` };
  }
  return { ok: true, rows, expected };
}

export interface HeadRecord {
  at: string;
  actor: string;
  event: string;
  subject: string;
  head: string;
}

/** Every head the register handed out (with a lock, a package or a report), newest first: the user can keep them elsewhere. */
export function headHistory(register: Register, limit = 200): HeadRecord[] {
  const rows = register.db
    .prepare("SELECT at, actor, action, entity, entity_id AS entityId, new_value AS newValue FROM audit_log WHERE new_value LIKE '%\"auditHead\":%' ORDER BY id DESC LIMIT ?")
    .all(limit) as Array<{ at: string; actor: string; action: string; entity: string; entityId: string; newValue: string }>;
  return rows.flatMap((row) => {
    try {
      const head = (JSON.parse(row.newValue) as { auditHead?: unknown }).auditHead;
      return typeof head === 'string' && HEAD_TEXT.test(head) ? [{ at: row.at, actor: row.actor, event: `${row.entity}.${row.action}`, subject: row.entityId, head }] : [];
    } catch {
      return [];
    }
  });
}

/** Logs that a package left the register, with the head it carries, so the head shows in the history. */
export function recordPackageExport(register: Register, authorityUid: string, head: string | undefined): void {
  inTransaction(register, () => appendAudit(register, { action: 'export', entity: 'package', entityId: authorityUid, newValue: { auditHead: head ?? null } }));
}
