import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listChainInputs, listCriterionInputs, setApplicability, setChainCell, setCriterionNotes, setOverride, updateAssessmentDetails } from '../../db/assessment-inputs.js';
import { getAssessment } from '../../db/assessments.js';
import { listAudit } from '../../db/audit.js';
import { addEvidence } from '../../db/evidence.js';
import { createControl, deleteControl, updateControl } from '../../db/controls.js';
import { RegisterError } from '../../db/errors.js';
import { cloneAssessment, lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import type { Register } from '../../db/register.js';
import { assessmentSnapshot, scoreAssessment } from '../../db/snapshot.js';
import { METHODOLOGY_VERSION } from '../../shared/methodology/version.js';
import { canonicalJson, snapshotDigest } from '../../shared/snapshot/canonical.js';
import { AS_OF, seedAuthority, type Seeded, as, SUBMITTER, REVIEWER } from '../helpers/register-fixtures.js';
import { FIXED_NOW, dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

const OVERRIDE = { maturity: 4, justification: 'Monitored yearly by the board; see minutes of 2026-03-02.' };

function refusal(work: () => unknown): RegisterError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterError);
    return error as RegisterError;
  }
  throw new Error('expected a RegisterError, but nothing was thrown');
}

/** Expects `work` to be refused with `code`, leaving every table as it was. */
function expectRefused(register: Register, code: RegisterError['code'], work: () => unknown): RegisterError {
  const before = dumpTables(register.db);
  const error = refusal(work);
  expect(error.code).toBe(code);
  expect(dumpTables(register.db)).toEqual(before);
  return error;
}

function storedSnapshot(register: Register, id: number): string {
  return (register.db.prepare('SELECT snapshot FROM assessments WHERE id = ?').get(id) as { snapshot: string }).snapshot;
}

/** A seeded register whose assessment has inputs, then walked to locked. */
function lockedAssessment(): { register: Register; seeded: Seeded; id: number; preLockSnapshot: ReturnType<typeof assessmentSnapshot> } {
  const register = temp.open();
  const seeded = seedAuthority(register);
  const id = seeded.assessment.id;
  setOverride(register, id, '7.1(a)', OVERRIDE);
  setCriterionNotes(register, id, '7.1(b)', 'Rotation replaced by four-eyes sign-off.');
  setChainCell(register, id, { stage: 'permit_issuance', riskType: 'bribery', likelihood: 5, impact: 5 });
  transitionAssessment(as(register, SUBMITTER), id, 'submitted');
  transitionAssessment(as(register, REVIEWER), id, 'reviewed');
  const preLockSnapshot = assessmentSnapshot(register, id);
  lockAssessment(as(register, REVIEWER), id);
  return { register, seeded, id, preLockSnapshot };
}

describe('assessment lifecycle', () => {
  it('goes draft → submitted → reviewed → locked, stamping each step and auditing each transition', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    expect(assessment).toMatchObject({ status: 'draft', asOf: AS_OF, frameworks: ['uncac-7-12', 'uncac-offences'], methodology: 'PI-1', methodologyVersion: METHODOLOGY_VERSION, clonedFrom: null, digest: null });

    const submitted = transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: FIXED_NOW, reviewedAt: null, lockedAt: null });
    const reviewed = transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
    expect(reviewed).toMatchObject({ status: 'reviewed', submittedAt: FIXED_NOW, reviewedAt: FIXED_NOW, lockedAt: null, digest: null });
    const locked = lockAssessment(as(register, REVIEWER), assessment.id);
    expect(locked).toMatchObject({ status: 'locked', lockedAt: FIXED_NOW, methodologyVersion: METHODOLOGY_VERSION });
    expect(locked.digest).toMatch(/^[0-9a-f]{64}$/);

    const audit = listAudit(register, { entity: 'assessment', entityId: assessment.uid });
    expect(audit.map((r) => [r.action, r.field, r.oldValue])).toEqual([
      ['create', null, null],
      ['transition', 'status', '"draft"'],
      ['transition', 'status', '"submitted"'],
      ['lock', 'status', '"reviewed"'],
    ]);
    // No key store in this test: the lock is recorded as unsigned, with the audit head it was locked at.
    expect(JSON.parse(audit[3]!.newValue!)).toEqual({ status: 'locked', digest: locked.digest, signed: false, auditHead: expect.stringMatching(/^\d+:[0-9a-f]{64}$/) });
    expect(locked).toMatchObject({ submittedBy: SUBMITTER, reviewedBy: REVIEWER, lockedBy: REVIEWER, signerKey: null });
  });

  it('refuses steps out of order', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    expect(expectRefused(register, 'conflict', () => transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed')).message).toMatch(/from draft/);
    expectRefused(register, 'conflict', () => lockAssessment(as(register, REVIEWER), assessment.id));
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    expectRefused(register, 'conflict', () => lockAssessment(as(register, REVIEWER), assessment.id));
    expectRefused(register, 'conflict', () => transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted'));
    expect(getAssessment(register, assessment.id).status).toBe('submitted');
  });

  it('lock stores the canonical snapshot and its SHA-256, equal to snapshotDigest(assessmentSnapshot(...))', () => {
    const { register, id, preLockSnapshot } = lockedAssessment();
    const row = getAssessment(register, id);
    const stored = storedSnapshot(register, id);
    // The digest is the SHA-256 of the stored bytes (checked with node:crypto, not the app's hash).
    expect(row.digest).toBe(createHash('sha256').update(stored, 'utf8').digest('hex'));
    // The stored text is canonical JSON.
    expect(canonicalJson(JSON.parse(stored))).toBe(stored);
    // And it is the snapshot as it stood when locked, which assessmentSnapshot now returns.
    const snapshot = assessmentSnapshot(register, id);
    expect(snapshot).toEqual(preLockSnapshot);
    expect(snapshotDigest(snapshot)).toBe(row.digest);
    expect(snapshotDigest(preLockSnapshot)).toBe(row.digest);
    // The inputs are in it.
    expect(snapshot.criterionInputs.find((i) => i.criterionId === '7.1(a)')?.override).toEqual(OVERRIDE);
    expect(snapshot.chain.find((c) => c.stage === 'permit_issuance' && c.riskType === 'bribery')).toEqual({ stage: 'permit_issuance', riskType: 'bribery', likelihood: 5, impact: 5 });
    expect(snapshot.asOf).toBe(AS_OF);
  });

  it("after lock, every input change and transition is refused with 'locked' and nothing is written", () => {
    const { register, id } = lockedAssessment();
    expectRefused(register, 'locked', () => setOverride(register, id, '7.1(a)', { maturity: 0, justification: 'second thoughts' }));
    expectRefused(register, 'locked', () => setOverride(register, id, '7.1(a)', null));
    expectRefused(register, 'locked', () => setApplicability(register, id, '7.1(c)', { applicable: false, justification: 'not relevant' }));
    expectRefused(register, 'locked', () => setCriterionNotes(register, id, '7.1(b)', 'rewritten'));
    expectRefused(register, 'locked', () => setChainCell(register, id, { stage: 'permit_issuance', riskType: 'bribery', likelihood: 1, impact: 1 }));
    expectRefused(register, 'locked', () => updateAssessmentDetails(register, id, { title: 'Renamed' }));
    expectRefused(register, 'locked', () => updateAssessmentDetails(register, id, { asOf: '2027-01-01' }));
    expectRefused(register, 'locked', () => transitionAssessment(register, id, 'draft', 'reopen please'));
    expectRefused(register, 'locked', () => transitionAssessment(as(register, SUBMITTER), id, 'submitted'));
    expectRefused(register, 'locked', () => lockAssessment(as(register, REVIEWER), id));
  });

  describe('the database itself refuses raw SQL on a locked assessment', () => {
    const statements: Array<[string, string]> = [
      ['UPDATE of the assessment row', "UPDATE assessments SET title = 'forged' WHERE id = ?"],
      ['UPDATE of its status back to draft', "UPDATE assessments SET status = 'draft', snapshot = NULL, digest = NULL WHERE id = ?"],
      ['DELETE of the assessment row', 'DELETE FROM assessments WHERE id = ?'],
      ['UPDATE of its criterion_inputs', "UPDATE criterion_inputs SET override_maturity = 0 WHERE assessment_id = ?"],
      ['DELETE of its criterion_inputs', 'DELETE FROM criterion_inputs WHERE assessment_id = ?'],
      ['INSERT of a new criterion_input', "INSERT INTO criterion_inputs (assessment_id, criterion_id, notes) VALUES (?, '12.1', 'sneaked in')"],
      ['UPDATE of its chain_cells', 'UPDATE chain_cells SET likelihood = 1, impact = 1 WHERE assessment_id = ?'],
      ['DELETE of its chain_cells', 'DELETE FROM chain_cells WHERE assessment_id = ?'],
      ['INSERT of a chain cell', "INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) VALUES (?, 'forged_stage', 'bribery', 1, 1)"],
      ['DELETE of its authority (cascade)', 'DELETE FROM authorities WHERE id = (SELECT authority_id FROM assessments WHERE id = ?)'],
    ];
    for (const [label, sql] of statements) {
      it(label, () => {
        const { register, id } = lockedAssessment();
        const before = dumpTables(register.db);
        expect(() => register.db.prepare(sql).run(id)).toThrow(/locked assessment/);
        expect(dumpTables(register.db)).toEqual(before);
        expect(snapshotDigest(assessmentSnapshot(register, id))).toBe(getAssessment(register, id).digest);
      });
    }
  });

  it("changing the register's controls after lock does not change the locked assessment's score (but does change a draft's)", () => {
    const { register, seeded, id } = lockedAssessment();
    const lockedBefore = scoreAssessment(register, id);
    const draft = cloneAssessment(register, id, { asOf: AS_OF });
    const draftBefore = scoreAssessment(register, draft.id);
    // Same inputs and date: the fresh clone scores like the locked original.
    expect(draftBefore.overall).toEqual(lockedBefore.overall);

    const [vetting, code, , , training] = seeded.controls;
    updateControl(register, vetting!.id, { family: 'vetting', title: vetting!.title, maturity: 0 });
    deleteControl(register, training!.id);
    addEvidence(register, code!.id, { title: 'New code', date: '2026-10-01' });
    createControl(register, seeded.authority.id, { family: 'integrity_focal_point', title: 'Integrity officer', maturity: 4, lastReviewed: '2026-10-01' });

    expect(scoreAssessment(register, id)).toEqual(lockedBefore);
    const draftAfter = scoreAssessment(register, draft.id);
    expect(draftAfter.overall).not.toEqual(draftBefore.overall);
    expect(draftAfter.flags.some((f) => f.kind === 'missing-core-family' && f.subject.id === 'integrity_focal_point')).toBe(false);
    expect(lockedBefore.flags.some((f) => f.kind === 'missing-core-family' && f.subject.id === 'integrity_focal_point')).toBe(true);
  });

  it('clone makes a new draft with copied inputs, clonedFrom = source uid, and a dated title', () => {
    const { register, id } = lockedAssessment();
    const source = getAssessment(register, id);
    const clone = cloneAssessment(register, id);
    expect(clone).toMatchObject({
      status: 'draft',
      clonedFrom: source.uid,
      authorityId: source.authorityId,
      frameworks: source.frameworks,
      title: `${source.title} (re-assessment)`,
      asOf: FIXED_NOW.slice(0, 10),
      digest: null,
      lockedAt: null,
      submittedAt: null,
    });
    expect(clone.uid).not.toBe(source.uid);
    expect(listCriterionInputs(register, clone.id)).toEqual(listCriterionInputs(register, id));
    expect(listCriterionInputs(register, clone.id).length).toBe(2);
    expect(listChainInputs(register, clone.id)).toEqual(listChainInputs(register, id));
    expect(listChainInputs(register, clone.id).length).toBeGreaterThan(0);

    // The clone is editable; the source stays locked and unchanged.
    setOverride(register, clone.id, '7.1(a)', { maturity: 1, justification: 'New evidence shows regression.' });
    expect(listCriterionInputs(register, id).find((i) => i.criterionId === '7.1(a)')?.override).toEqual(OVERRIDE);
    expect(getAssessment(register, id).status).toBe('locked');

    const named = cloneAssessment(register, id, { title: '2027 re-assessment', asOf: '2027-10-31' });
    expect(named).toMatchObject({ title: '2027 re-assessment', asOf: '2027-10-31' });
    const audit = listAudit(register, { entity: 'assessment', entityId: clone.uid });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'clone', oldValue: JSON.stringify(source.uid) });
  });

  it('clone refuses a bad date or empty title', () => {
    const { register, id } = lockedAssessment();
    expect(expectRefused(register, 'invalid', () => cloneAssessment(register, id, { asOf: '2027-02-29' })).message).toMatch(/asOf/);
    expect(expectRefused(register, 'invalid', () => cloneAssessment(register, id, { title: ' ' })).message).toMatch(/title/);
  });

  it('an override without a justification is refused and nothing is written', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    for (const override of [{ maturity: 3 }, { maturity: 3, justification: '' }, { maturity: 3, justification: '   ' }]) {
      expect(expectRefused(register, 'invalid', () => setOverride(register, assessment.id, '7.1(a)', override)).message).toMatch(/justification/);
    }
    expect(expectRefused(register, 'invalid', () => setOverride(register, assessment.id, '7.1(a)', { maturity: 5, justification: 'x' })).message).toMatch(/maturity/);
    expect(expectRefused(register, 'invalid', () => setApplicability(register, assessment.id, '7.2', { applicable: true })).message).toMatch(/justification/);
    expect(expectRefused(register, 'invalid', () => setOverride(register, assessment.id, '99.9', OVERRIDE)).message).toMatch(/99\.9/);
    expect(listCriterionInputs(register, assessment.id)).toEqual([]);

    // With a justification it is stored, audited with the justification, and used by the score.
    setOverride(register, assessment.id, '7.1(a)', OVERRIDE);
    const row = listAudit(register, { entity: 'criterion', entityId: `${assessment.uid}/7.1(a)` });
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ field: 'override', oldValue: 'null', justification: OVERRIDE.justification });
    const criterion = scoreAssessment(register, assessment.id).criteria.find((c) => c.id === '7.1(a)')!;
    expect(criterion.final).toBe(4);
    expect(criterion.override).toEqual(OVERRIDE);
  });

  it('returning to draft needs a reason, which is audited', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    expect(expectRefused(register, 'invalid', () => transitionAssessment(register, assessment.id, 'draft')).message).toMatch(/reason/);
    expectRefused(register, 'invalid', () => transitionAssessment(register, assessment.id, 'draft', '  '));
    const back = transitionAssessment(register, assessment.id, 'draft', 'Evidence for 7.4 is missing.');
    expect(back.status).toBe('draft');
    expect(listAudit(register, { entity: 'assessment', entityId: assessment.uid }).at(-1)).toMatchObject({
      action: 'transition',
      oldValue: '"submitted"',
      newValue: '"draft"',
      justification: 'Evidence for 7.4 is missing.',
    });
    // And from reviewed as well.
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
    expectRefused(register, 'invalid', () => transitionAssessment(register, assessment.id, 'draft'));
    expect(transitionAssessment(register, assessment.id, 'draft', 'Reviewer found a gap.').status).toBe('draft');
  });

  it("only drafts are editable: a submitted or reviewed assessment refuses input changes with 'conflict'", () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    for (const status of ['submitted', 'reviewed'] as const) {
      if (status === 'reviewed') transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
      expect(getAssessment(register, assessment.id).status).toBe(status);
      expect(expectRefused(register, 'conflict', () => setOverride(register, assessment.id, '7.1(a)', OVERRIDE)).message).toMatch(/only a draft/);
      expectRefused(register, 'conflict', () => setChainCell(register, assessment.id, { stage: 'permit_issuance', riskType: 'bribery', likelihood: 1, impact: 1 }));
      expectRefused(register, 'conflict', () => setCriterionNotes(register, assessment.id, '7.1(a)', 'note'));
      expectRefused(register, 'conflict', () => updateAssessmentDetails(register, assessment.id, { title: 'Renamed' }));
    }
    transitionAssessment(register, assessment.id, 'draft', 'fix inputs');
    expect(setOverride(register, assessment.id, '7.1(a)', OVERRIDE).override).toEqual(OVERRIDE);
  });

  it('a draft changes its details and chain cells, each change audited', () => {
    const register = temp.open();
    const { assessment } = seedAuthority(register);
    const updated = updateAssessmentDetails(register, assessment.id, { title: 'Renamed', asOf: '2026-12-31' });
    expect(updated).toMatchObject({ title: 'Renamed', asOf: '2026-12-31' });
    expect(assessmentSnapshot(register, assessment.id).asOf).toBe('2026-12-31');
    setChainCell(register, assessment.id, { stage: 'permit_issuance', riskType: 'bribery', likelihood: 2, impact: 3 });
    expect(listChainInputs(register, assessment.id).find((c) => c.stage === 'permit_issuance' && c.riskType === 'bribery')).toMatchObject({ likelihood: 2, impact: 3 });
    expect(expectRefused(register, 'invalid', () => setChainCell(register, assessment.id, { stage: 'permit_issuance', riskType: 'bribery', likelihood: 6, impact: 3 })).message).toMatch(/likelihood/);
    expect(expectRefused(register, 'invalid', () => setChainCell(register, assessment.id, { stage: 'moon', riskType: 'bribery', likelihood: 1, impact: 3 })).message).toMatch(/stage/);
    expect(expectRefused(register, 'invalid', () => updateAssessmentDetails(register, assessment.id, { asOf: '2026-02-30' })).message).toMatch(/asOf/);
    const fields = listAudit(register, { entity: 'assessment', entityId: assessment.uid }).filter((r) => r.action === 'update').map((r) => r.field);
    expect(fields).toEqual(['title', 'asOf']);
    expect(listAudit(register, { entity: 'chain' })).toHaveLength(1);
  });
});
