import { cachedStatement } from './statements.js';
import { compareStrings, sortNaturally } from '../shared/domain/compare.js';
import type { ControlRecord } from '../shared/domain/records.js';
import { randomUUID } from 'node:crypto';
import { controlInput, type ControlInput } from '../shared/domain/inputs.js';
import type { Library } from '../shared/library/library.js';
import { appendAudit, auditChanges } from './audit.js';
import { getAuthority } from './authorities.js';
import { RegisterError } from './errors.js';
import { registerLibrary } from './frameworks.js';
import { inTransaction, type Register } from './register.js';
import { found, jsonOrNull, toJsonOrNull } from './rows.js';
import { parseInput } from './validate.js';

export type ControlRow = ControlRecord;

export interface StoredControlRow extends Omit<ControlRow, 'stages' | 'riskTypes'> {
  /** JSON arrays, or null for the family's defaults. */
  stages: string | null;
  riskTypes: string | null;
}

type RawControl = StoredControlRow;

const SELECT = `SELECT id, uid, authority_id AS authorityId, family, title, description, owner, maturity,
  last_reviewed AS lastReviewed, stages, risk_types AS riskTypes, created_at AS createdAt, updated_at AS updatedAt FROM controls`;

function decode(row: RawControl): ControlRow {
  return { ...row, stages: jsonOrNull(row.stages), riskTypes: jsonOrNull(row.riskTypes) };
}

/** By family, then title in natural order (Control 3, Control 20, Control 307), then id. */
export function listControls(register: Register, authorityId: number): ControlRow[] {
  const rows = (cachedStatement(register.db, `${SELECT} WHERE authority_id = ? ORDER BY family, id`).all(authorityId) as RawControl[]).map(decode);
  return sortNaturally(rows, (c) => c.title, { first: (a, b) => compareStrings(a.family, b.family), then: (a, b) => a.id - b.id });
}

/**
 * The same rows in no particular order and as stored (stages and risk types
 * still JSON text), for a reader that builds its own shape from them and puts
 * them in its own order (the snapshot sorts by uid): no natural-order sort, no
 * intermediate copy of every row.
 */
export function storedControlRows(register: Register, authorityId: number): StoredControlRow[] {
  return cachedStatement(register.db, `${SELECT} WHERE authority_id = ?`).all(authorityId) as StoredControlRow[];
}

export function getControl(register: Register, id: number): ControlRow {
  return decode(found(cachedStatement(register.db, `${SELECT} WHERE id = ?`).get(id) as RawControl | undefined, `control ${id}`));
}

/** Family, stages and risk types must be ones the register's library knows. */
export function checkControlVocabulary(library: Library, data: { family: string; stages: string[] | null; riskTypes: string[] | null }): void {
  const problems: string[] = [];
  if (!library.families.has(data.family)) problems.push(`family: unknown family "${data.family}"`);
  const stages = new Set(library.stages.map((s) => s.id));
  const risks = new Set(library.riskTypes.map((r) => r.id));
  data.stages?.forEach((s, i) => stages.has(s) || problems.push(`stages[${i}]: unknown stage "${s}"`));
  data.riskTypes?.forEach((r, i) => risks.has(r) || problems.push(`riskTypes[${i}]: unknown risk type "${r}"`));
  if (problems.length) throw new RegisterError('invalid', `invalid control: ${problems.join('; ')}`);
}

/** A review cannot have happened after today (the register's clock). */
function checkNotFuture(register: Register, data: { lastReviewed: string | null }): void {
  const today = register.now().slice(0, 10);
  if (data.lastReviewed !== null && data.lastReviewed > today) {
    throw new RegisterError('invalid', `invalid control: lastReviewed: ${data.lastReviewed} is in the future (today is ${today})`);
  }
}

export function createControl(register: Register, authorityId: number, input: ControlInput, uid: string = randomUUID()): ControlRow {
  const data = parseInput(controlInput, input, 'control');
  checkControlVocabulary(registerLibrary(register), data);
  checkNotFuture(register, data);
  return inTransaction(register, () => {
    getAuthority(register, authorityId);
    const now = register.now();
    const { lastInsertRowid } = register.db
      .prepare(
        `INSERT INTO controls (uid, authority_id, family, title, description, owner, maturity, last_reviewed, stages, risk_types, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uid, authorityId, data.family, data.title, data.description, data.owner, data.maturity, data.lastReviewed, toJsonOrNull(data.stages), toJsonOrNull(data.riskTypes), now, now);
    appendAudit(register, { action: 'create', entity: 'control', entityId: uid, newValue: data });
    return getControl(register, Number(lastInsertRowid));
  });
}

export function updateControl(register: Register, id: number, input: ControlInput): ControlRow {
  const data = parseInput(controlInput, input, 'control');
  checkControlVocabulary(registerLibrary(register), data);
  checkNotFuture(register, data);
  return inTransaction(register, () => {
    const before = getControl(register, id);
    register.db
      .prepare(
        `UPDATE controls SET family = ?, title = ?, description = ?, owner = ?, maturity = ?, last_reviewed = ?, stages = ?, risk_types = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(data.family, data.title, data.description, data.owner, data.maturity, data.lastReviewed, toJsonOrNull(data.stages), toJsonOrNull(data.riskTypes), register.now(), id);
    auditChanges(register, { action: 'update', entity: 'control', entityId: before.uid }, before as unknown as Record<string, unknown>, data);
    return getControl(register, id);
  });
}

export function deleteControl(register: Register, id: number): void {
  inTransaction(register, () => {
    const before = getControl(register, id);
    register.db.prepare('DELETE FROM controls WHERE id = ?').run(id);
    appendAudit(register, { action: 'delete', entity: 'control', entityId: before.uid, oldValue: before });
  });
}
