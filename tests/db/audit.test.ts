import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setChainCell, setOverride } from '../../db/assessment-inputs.js';
import { GENESIS_HASH, auditRowHash, listAudit, verifyAudit, type AuditRow } from '../../db/audit.js';
import { updateAuthority } from '../../db/authorities.js';
import { createControl, updateControl } from '../../db/controls.js';
import { cloneAssessment, lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import type { Register } from '../../db/register.js';
import { seedAuthority, as, SUBMITTER, REVIEWER } from '../helpers/register-fixtures.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

/** A register with a varied history: creates, updates, inputs, transitions, a lock and a clone. */
function busyRegister(): Register {
  const register = temp.open();
  const { authority, controls, assessment } = seedAuthority(register);
  updateAuthority(register, authority.id, { name: authority.name, country: 'Testland', notes: 'Visited 2026-09' });
  updateControl(register, controls[1]!.id, { family: 'code_of_conduct', title: 'Code of conduct', owner: 'Director', maturity: 3, lastReviewed: '2026-01-15' });
  createControl(register, authority.id, { family: 'rotation', title: 'Rotation', maturity: 1 });
  setOverride(register, assessment.id, '7.1(a)', { maturity: 3, justification: 'Seen in practice.' });
  setChainCell(register, assessment.id, { stage: 'permit_issuance', riskType: 'bribery', likelihood: 5, impact: 4 });
  transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
  transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
  lockAssessment(as(register, REVIEWER), assessment.id);
  cloneAssessment(register, assessment.id);
  return register;
}

/** The same hash computed independently: SHA-256 of canonical JSON of the chained fields, via node:crypto. */
function independentHash(row: AuditRow): string {
  const fields = [row.prevHash, row.at, row.actor, row.action, row.entity, row.entityId, row.field, row.oldValue, row.newValue, row.justification];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

describe('audit log', () => {
  it('every change appends rows, each chained to the one before by its hash', () => {
    const register = temp.open();
    const counts: number[] = [];
    const { authority, assessment } = seedAuthority(register);
    counts.push(listAudit(register).length);
    updateAuthority(register, authority.id, { name: 'Renamed', country: 'Testland' });
    counts.push(listAudit(register).length);
    setOverride(register, assessment.id, '7.1(a)', { maturity: 3, justification: 'Seen.' });
    counts.push(listAudit(register).length);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    counts.push(listAudit(register).length);
    // 1 authority + 5 controls + 4 evidence + 1 assessment, then one row per change.
    expect(counts).toEqual([11, 12, 13, 14]);

    const rows = listAudit(register);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    rows.forEach((row, i) => {
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1]!.hash);
      expect(row.hash).toBe(auditRowHash(row));
      expect(row.hash).toBe(independentHash(row));
    });
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
  });

  it('verifyAudit is ok on an untouched log and counts its rows', () => {
    const register = busyRegister();
    const rows = listAudit(register);
    expect(rows.length).toBeGreaterThan(15);
    expect(verifyAudit(register)).toEqual({ ok: true, rows: rows.length });
  });

  it('verifyAudit is ok on an empty log', () => {
    expect(verifyAudit(temp.open())).toEqual({ ok: true, rows: 0 });
  });

  it('the triggers refuse to edit or delete audit rows', () => {
    const register = busyRegister();
    const before = listAudit(register);
    expect(() => register.db.prepare("UPDATE audit_log SET new_value = '\"forged\"' WHERE id = 3").run()).toThrow(/append-only/);
    expect(() => register.db.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/append-only/);
    expect(() => register.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(listAudit(register)).toEqual(before);
  });

  it("after dropping the triggers, an edited row's id is reported as firstBadId", () => {
    const register = busyRegister();
    const rows = listAudit(register);
    const victim = rows.find((r) => r.entity === 'criterion')!;
    register.db.exec('DROP TRIGGER audit_log_no_update');
    register.db.prepare('UPDATE audit_log SET new_value = ? WHERE id = ?').run(JSON.stringify({ maturity: 4, justification: 'Seen in practice.' }), victim.id);
    const result = verifyAudit(register);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ ok: false, firstBadId: victim.id, problem: 'content-mismatch' });
    if (!result.ok) expect(result.reason).toMatch(/edited|does not match/);
  });

  it('editing any single column but the id is detected at that row', () => {
    for (const column of ['at', 'actor', 'action', 'entity', 'entity_id', 'field', 'old_value', 'justification']) {
      const register = busyRegister();
      register.db.exec('DROP TRIGGER audit_log_no_update');
      register.db.prepare(`UPDATE audit_log SET ${column} = 'x' WHERE id = 5`).run();
      expect(verifyAudit(register), column).toMatchObject({ ok: false, firstBadId: 5 });
    }
  });

  it('deleting a middle row is detected at the next row (broken link)', () => {
    const register = busyRegister();
    const rows = listAudit(register);
    const middle = rows[Math.floor(rows.length / 2)]!;
    const next = rows[rows.indexOf(middle) + 1]!;
    register.db.exec('DROP TRIGGER audit_log_no_delete');
    register.db.prepare('DELETE FROM audit_log WHERE id = ?').run(middle.id);
    const result = verifyAudit(register);
    expect(result).toMatchObject({ ok: false, firstBadId: next.id, problem: 'broken-link' });
    if (!result.ok) expect(result.reason).toMatch(/link/);
  });

  it('deleting the first row is detected at the second', () => {
    const register = busyRegister();
    const rows = listAudit(register);
    register.db.exec('DROP TRIGGER audit_log_no_delete');
    register.db.prepare('DELETE FROM audit_log WHERE id = ?').run(rows[0]!.id);
    expect(verifyAudit(register)).toMatchObject({ ok: false, firstBadId: rows[1]!.id });
  });

  it('a re-hashed edit (hash recomputed for the edited row only) is still caught at the following row', () => {
    const register = busyRegister();
    const rows = listAudit(register);
    const victim = rows[4]!;
    const forged = { ...victim, actor: 'Mallory' };
    register.db.exec('DROP TRIGGER audit_log_no_update');
    register.db.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE id = ?').run(forged.actor, auditRowHash(forged), victim.id);
    expect(verifyAudit(register)).toMatchObject({ ok: false, firstBadId: rows[5]!.id });
  });

  it('a failed change leaves no audit row behind', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    const before = listAudit(register);
    expect(() => setOverride(register, assessment.id, '7.1(a)', { maturity: 3 })).toThrow();
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    expect(() => setOverride(register, assessment.id, '7.1(a)', { maturity: 3, justification: 'ok' })).toThrow();
    expect(listAudit(register).slice(0, before.length)).toEqual(before);
    expect(listAudit(register)).toHaveLength(before.length + 1);
  });

  it('listAudit filters by entity and id and honours the limit', () => {
    const register = busyRegister();
    const controls = listAudit(register, { entity: 'control' });
    expect(controls.length).toBeGreaterThan(0);
    expect(controls.every((r) => r.entity === 'control')).toBe(true);
    expect(listAudit(register, { limit: 3 }).map((r) => r.id)).toEqual(listAudit(register).slice(0, 3).map((r) => r.id));
  });
});
