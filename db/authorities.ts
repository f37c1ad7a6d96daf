import { cachedStatement } from './statements.js';
import type { AuthorityRecord } from '../shared/domain/records.js';
import { randomUUID } from 'node:crypto';
import { authorityInput, type AuthorityInput } from '../shared/domain/inputs.js';
import { appendAudit, auditChanges } from './audit.js';
import { inTransaction, type Register } from './register.js';
import { found } from './rows.js';
import { parseInput } from './validate.js';

export type AuthorityRow = AuthorityRecord;

const SELECT = `SELECT id, uid, name, country, level, notes, created_at AS createdAt, updated_at AS updatedAt FROM authorities`;

export function listAuthorities(register: Register): AuthorityRow[] {
  return cachedStatement(register.db, `${SELECT} ORDER BY name COLLATE NOCASE, id`).all() as AuthorityRow[];
}

export function getAuthority(register: Register, id: number): AuthorityRow {
  return found(cachedStatement(register.db, `${SELECT} WHERE id = ?`).get(id) as AuthorityRow | undefined, `authority ${id}`);
}

export function findAuthorityByUid(register: Register, uid: string): AuthorityRow | undefined {
  return register.db.prepare(`${SELECT} WHERE uid = ?`).get(uid) as AuthorityRow | undefined;
}

export function createAuthority(register: Register, input: AuthorityInput, uid: string = randomUUID()): AuthorityRow {
  const data = parseInput(authorityInput, input, 'authority');
  return inTransaction(register, () => {
    const now = register.now();
    const { lastInsertRowid } = register.db
      .prepare('INSERT INTO authorities (uid, name, country, level, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(uid, data.name, data.country, data.level, data.notes, now, now);
    appendAudit(register, { action: 'create', entity: 'authority', entityId: uid, newValue: data });
    return getAuthority(register, Number(lastInsertRowid));
  });
}

export function updateAuthority(register: Register, id: number, input: AuthorityInput): AuthorityRow {
  const data = parseInput(authorityInput, input, 'authority');
  return inTransaction(register, () => {
    const before = getAuthority(register, id);
    register.db
      .prepare('UPDATE authorities SET name = ?, country = ?, level = ?, notes = ?, updated_at = ? WHERE id = ?')
      .run(data.name, data.country, data.level, data.notes, register.now(), id);
    auditChanges(register, { action: 'update', entity: 'authority', entityId: before.uid }, before as unknown as Record<string, unknown>, data);
    return getAuthority(register, id);
  });
}
