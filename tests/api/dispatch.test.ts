import { describe, expect, it } from 'vitest';
import { dispatchSync as dispatch } from '../../api/dispatch.js';
import { createDemo } from '../../db/demo.js';
import { API_METHODS } from '../../shared/api/methods.js';
import { API_INPUTS } from '../../shared/api/inputs.js';
import type { AssessmentChange, AssessmentDetail } from '../../shared/api/results.js';
import { assessmentSnapshot } from '../../db/snapshot.js';
import { assess } from '../../shared/methodology/assess.js';
import { rowCounts, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };

function demoRegister() {
  const register = temp.open();
  createDemo(register);
  return register;
}

function ok<T>(result: ReturnType<typeof dispatch>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the API contract', () => {
  it('has an input schema for exactly the listed methods', () => {
    expect(Object.keys(API_INPUTS).sort()).toEqual([...API_METHODS].sort());
  });

  it('refuses a method that is not in the map', () => {
    const result = dispatch(demoRegister(), env, 'db.exec', { sql: 'DROP TABLE controls' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'unknown API method "db.exec"' } });
  });

  it('validates input and names the bad field, writing nothing', () => {
    const register = demoRegister();
    const before = rowCounts(register.db);
    const result = dispatch(register, env, 'controls.create', { authorityId: 1, control: { family: 'vetting', title: '', maturity: 7 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('control.title');
    expect(result.error.message).toContain('control.maturity');
    expect(rowCounts(register.db)).toEqual(before);
  });

  it('refuses unknown extra fields (strict inputs)', () => {
    const result = dispatch(demoRegister(), env, 'authorities.list', { admin: true });
    expect(result.ok).toBe(false);
  });

  it('returns the scored assessment: the PI-1 result of its snapshot, each fact once', () => {
    const register = demoRegister();
    const detail = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    expect(detail.assessment.uid).toBe('demo-assessment-2026');
    const full = assess(assessmentSnapshot(register, 2));
    expect(detail.result.overall).toEqual(full.overall);
    expect(detail.result.flagCounts).toEqual(full.flagCounts);
    expect(detail.result.criteria.map((c) => c.final)).toEqual(full.criteria.map((c) => c.final));
    // Flags about single controls are counted, not listed; every other flag is listed once.
    expect(detail.result.flags).toEqual(full.flags.filter((f) => f.subject.type !== 'control'));
    const counted = detail.result.controlFlags.reduce((sum, g) => sum + g.count, 0);
    expect(counted + detail.result.flags.length).toBe(full.flags.length);
    expect(detail).not.toHaveProperty('view');
    expect(detail.snapshot).not.toHaveProperty('controls');
  });

  it('an override without justification is refused with invalid_input; with one it changes the score', () => {
    const register = demoRegister();
    const refused = dispatch(register, env, 'assessments.setOverride', { id: 2, criterionId: '7.1(a)', override: { maturity: 4, justification: ' ' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('override.justification');
    const before = ok<AssessmentDetail>(dispatch(register, env, 'assessments.get', { id: 2 }));
    const change = ok<AssessmentChange>(dispatch(register, env, 'assessments.setOverride', { id: 2, criterionId: '7.1(a)', override: { maturity: 4, justification: 'Merit-based recruitment law adopted and applied.' } }));
    expect(change.baseVersion).toBe(before.version);
    expect(change.header.overall.score!).toBeGreaterThan(before.result.overall.score!);
    // Only what changed travels: the edited criterion, not the other fifteen.
    expect(change.criteria.map((c) => c.id)).toEqual(['7.1(a)']);
    expect(change.criteria[0]).toMatchObject({ derived: 2, final: 4 });
  });

  it('maps a locked assessment to code "locked" and a missing record to "not_found"', () => {
    const register = demoRegister();
    const locked = dispatch(register, env, 'assessments.setChainCell', { id: 1, cell: { stage: 'permit_issuance', riskType: 'bribery', likelihood: 1, impact: 1 } });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(dispatch(register, env, 'assessments.get', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists controls with their evidence status from the PI-1 rules', () => {
    const window = ok<{ total: number; matching: number; rows: Array<{ title: string; status: { evidenceState: string; reviewOverdue: boolean; effective: number } }> }>(
      dispatch(demoRegister(), env, 'controls.list', { authorityId: 1, asOf: '2026-10-31' }),
    );
    expect(window).toMatchObject({ total: 32, matching: 32 });
    const items = window.rows;
    expect(items).toHaveLength(32);
    const verification = items.find((c) => c.title === 'Online verification of permits with importing Parties')!;
    expect(verification.status).toMatchObject({ evidenceState: 'unsupported', effective: 2 });
    const rotation = items.find((c) => c.title === 'Rotation of inspectors between ports of exit')!;
    expect(rotation.status).toMatchObject({ evidenceState: 'not-required', reviewOverdue: true });
  });

  it('stores an evidence file sent as base64 and returns the same bytes', () => {
    const register = demoRegister();
    const content = Buffer.from('Signed vetting log, 2026');
    const added = ok<{ id: number; fileSha256: string; fileSize: number }>(
      dispatch(register, env, 'evidence.add', { controlId: 1, evidence: { title: 'Log', date: '2026-10-01' }, file: { name: 'log.txt', mediaType: 'text/plain', contentBase64: content.toString('base64') } }),
    );
    expect(added.fileSize).toBe(content.length);
    const file = ok<{ contentBase64: string }>(dispatch(register, env, 'evidence.file', { id: added.id }));
    expect(Buffer.from(file.contentBase64, 'base64').equals(content)).toBe(true);
  });

  it('compares two assessments of one authority', () => {
    const comparison = ok<{ overall: { from: number; to: number; delta: number } }>(dispatch(demoRegister(), env, 'assessments.compare', { fromId: 1, toId: 2 }));
    expect(comparison.overall.delta).toBeCloseTo(comparison.overall.to - comparison.overall.from, 5);
  });

  it('records settings changes in the audit log and uses the actor for later changes', () => {
    const register = demoRegister();
    ok(dispatch(register, env, 'settings.set', { actor: 'Ana Assessor', language: 'fr' }));
    ok(dispatch(register, env, 'assessments.setNotes', { id: 2, criterionId: '7.4', notes: 'Checked.' }));
    const rows = ok<Array<{ actor: string; entity: string }>>(dispatch(register, env, 'audit.list', { limit: 3 }));
    expect(rows[0]).toMatchObject({ actor: 'Ana Assessor', entity: 'criterion' });
    expect(ok<{ language: string }>(dispatch(register, env, 'settings.get', {})).language).toBe('fr');
  });
});
