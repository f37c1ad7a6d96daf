import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findAssessmentByUid, listAssessments } from '../../db/assessments.js';
import { verifyAudit } from '../../db/audit.js';
import { listControls } from '../../db/controls.js';
import { createDemo, demoPackage, hasDemo, isEmptyRegister } from '../../db/demo.js';
import { assessmentSnapshot, scoreAssessment } from '../../db/snapshot.js';
import { FLAG_KINDS as ALL_FLAG_KINDS } from '../../shared/domain/vocabulary.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import { coreFamilies, familyList } from '../../shared/library/library.js';
import { validatePackage } from '../../shared/package/validate.js';
import { snapshotDigest } from '../../shared/snapshot/canonical.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

function demoRegister() {
  const register = temp.open();
  expect(isEmptyRegister(register)).toBe(true);
  const summary = createDemo(register);
  expect(hasDemo(register)).toBe(true);
  expect(isEmptyRegister(register)).toBe(false);
  return { register, summary };
}

describe('demo register', () => {
  it('is a valid package in its own right', () => {
    expect(() => validatePackage(demoPackage())).not.toThrow();
    // Deterministic: built twice, it is the same.
    expect(demoPackage()).toEqual(demoPackage());
  });

  it('its draft assessment (demo-assessment-2026) shows every kind of flag that needs no permit data', () => {
    const { register } = demoRegister();
    const draft = findAssessmentByUid(register, 'demo-assessment-2026')!;
    expect(draft).toMatchObject({ status: 'draft', asOf: '2026-10-31', clonedFrom: 'demo-assessment-2025' });
    const result = scoreAssessment(register, draft.id);
    const kinds = new Set(result.flags.map((f) => f.kind));
    // PI-1.2's flag needs analysed permit data, which the demo does not hold.
    const FLAG_KINDS = ALL_FLAG_KINDS.filter((kind) => kind !== 'data-contradicts-likelihood');
    for (const kind of FLAG_KINDS) expect(kinds.has(kind), `flag kind ${kind}`).toBe(true);
    expect([...kinds].sort()).toEqual([...FLAG_KINDS].sort());
    // Every flag says what, why and how to fix it.
    for (const flag of result.flags) {
      expect(flag.subject.id).not.toBe('');
      expect(flag.reason.length).toBeGreaterThan(10);
      expect(flag.remedy.action.length).toBeGreaterThan(10);
    }
    // The demo carries the assessor's override, shown beside the derived value.
    const overridden = result.criteria.find((c) => c.id === '12.2(e)')!;
    expect(overridden.override?.maturity).toBe(1);
    expect(overridden.final).toBe(1);
    expect(overridden.derived).not.toBe(overridden.final);
  });

  it('has about 30 controls covering every family except at least one core family', () => {
    const { register, summary } = demoRegister();
    const controls = listControls(register, summary.authorityId);
    expect(summary.controls).toBe(controls.length);
    expect(controls.length).toBeGreaterThanOrEqual(25);
    expect(controls.length).toBeLessThanOrEqual(35);

    const library = builtInLibrary();
    const covered = new Set(controls.map((c) => c.family));
    const missing = familyList(library).filter((f) => !covered.has(f.id));
    expect(missing.length).toBeGreaterThanOrEqual(1);
    // Only core families are missing (so the missing-core-family flag shows), and not all of them.
    expect(missing.every((f) => f.core)).toBe(true);
    expect(missing.length).toBeLessThan(coreFamilies(library).length);
    // Every control belongs to a known family.
    for (const control of controls) expect(library.families.has(control.family), control.family).toBe(true);

    const draft = findAssessmentByUid(register, 'demo-assessment-2026')!;
    const missingFlags = scoreAssessment(register, draft.id).flags.filter((f) => f.kind === 'missing-core-family').map((f) => f.subject.id);
    expect(missingFlags.sort()).toEqual(missing.map((f) => f.id).sort());
  });

  it('its baseline is locked and its digest verifies', () => {
    const { register, summary } = demoRegister();
    expect(listAssessments(register, summary.authorityId).map((a) => [a.uid, a.status])).toEqual([
      ['demo-assessment-2025', 'locked'],
      ['demo-assessment-2026', 'draft'],
    ]);
    const baseline = findAssessmentByUid(register, 'demo-assessment-2025')!;
    expect(baseline.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotDigest(assessmentSnapshot(register, baseline.id))).toBe(baseline.digest);
    const stored = (register.db.prepare('SELECT snapshot FROM assessments WHERE id = ?').get(baseline.id) as { snapshot: string }).snapshot;
    expect(createHash('sha256').update(stored, 'utf8').digest('hex')).toBe(baseline.digest);
    expect(assessmentSnapshot(register, baseline.id).asOf).toBe('2025-10-31');
    // Scores the same on any day: the result depends on the stored snapshot only.
    expect(scoreAssessment(register, baseline.id).asOf).toBe('2025-10-31');
  });

  it('scores the same in any register and on any clock', () => {
    const a = temp.open({ now: () => '2026-11-01T10:00:00.000Z' });
    const b = temp.open({ now: () => '2031-01-01T00:00:00.000Z' });
    createDemo(a);
    createDemo(b);
    for (const uid of ['demo-assessment-2025', 'demo-assessment-2026']) {
      expect(scoreAssessment(b, findAssessmentByUid(b, uid)!.id)).toEqual(scoreAssessment(a, findAssessmentByUid(a, uid)!.id));
    }
  });

  it('leaves an intact audit log', () => {
    const { register } = demoRegister();
    expect(verifyAudit(register)).toEqual({ ok: true, rows: 1 });
  });
});
