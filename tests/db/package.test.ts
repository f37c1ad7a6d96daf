import { describe, expect, it } from 'vitest';
import { setApplicability, setOverride } from '../../db/assessment-inputs.js';
import { createAssessment, findAssessmentByUid } from '../../db/assessments.js';
import { listAudit } from '../../db/audit.js';
import { findAuthorityByUid, listAuthorities } from '../../db/authorities.js';
import { createControl } from '../../db/controls.js';
import { createDemo, demoPackage } from '../../db/demo.js';
import { addEvidence } from '../../db/evidence.js';
import { importFramework, listCustomFrameworks } from '../../db/frameworks.js';
import { cloneAssessment, lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import { exportPackage } from '../../db/package-export.js';
import { importPackage } from '../../db/package-import.js';
import { openRegister, type Register } from '../../db/register.js';
import { assessmentSnapshot, scoreAssessment } from '../../db/snapshot.js';
import type { AssessmentPackage } from '../../shared/package/schema.js';
import { PackageValidationError, validatePackage } from '../../shared/package/validate.js';
import { snapshotDigest } from '../../shared/snapshot/canonical.js';
import { customFramework, as, SUBMITTER, REVIEWER } from '../helpers/register-fixtures.js';
import { dumpTables, fixedClock, rowCounts, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

const clone = <T>(value: T): T => structuredClone(value);

/** exportedAt and the audit head describe the exporting register at that moment, not the content. */
function withoutExportedAt(pkg: AssessmentPackage): Omit<AssessmentPackage, 'exportedAt' | 'auditHead'> {
  const { exportedAt: _ignored, auditHead: _head, ...rest } = pkg;
  return rest;
}

function validationError(work: () => unknown): PackageValidationError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(PackageValidationError);
    return error as PackageValidationError;
  }
  throw new Error('expected a PackageValidationError, but nothing was thrown');
}

function expectEmpty(register: Register): void {
  expect(listAuthorities(register)).toEqual([]);
  expect(listAudit(register)).toEqual([]);
  const counts = rowCounts(register.db);
  for (const [table, n] of Object.entries(counts)) expect(n, table).toBe(0);
}

/** The demo register, with extra history so the round trip has more to lose: a file, an override, a second lock, a clone. */
function richDemoRegister(): { register: Register; authorityId: number } {
  const register = temp.open({ now: () => '2026-11-01T10:00:00.000Z' });
  const summary = createDemo(register);
  const draft = findAssessmentByUid(register, 'demo-assessment-2026')!;
  const control = createControl(
    register,
    summary.authorityId,
    { family: 'integrity_focal_point', title: 'Integrity officer', owner: 'Director', maturity: 2, lastReviewed: '2026-10-01', stages: ['permit_issuance'], riskTypes: ['bribery', 'concealment'] },
    'extra-control',
  );
  addEvidence(register, control.id, { title: 'Appointment letter', date: '2026-09-01', expiry: '2028-09-01' }, { name: 'letter.pdf', content: new TextEncoder().encode('appointed'), mediaType: 'application/pdf' });
  setApplicability(register, draft.id, '7.1(c)', { applicable: false, justification: 'Remuneration is set by the civil service commission.' });
  const extra = createAssessment(register, summary.authorityId, { title: 'Interim check', asOf: '2026-06-30' }, 'interim-check');
  setOverride(register, extra.id, '7.4', { maturity: 3, justification: 'Interviewed the focal point.' });
  transitionAssessment(as(register, SUBMITTER), extra.id, 'submitted');
  transitionAssessment(as(register, REVIEWER), extra.id, 'reviewed');
  lockAssessment(as(register, REVIEWER), extra.id);
  const reassessment = cloneAssessment(register, extra.id, { title: 'Interim re-check', asOf: '2026-10-31' });
  transitionAssessment(as(register, SUBMITTER), reassessment.id, 'submitted');
  return { register, authorityId: summary.authorityId };
}

describe('package export and import', () => {
  it('demo register → export → import into an empty register → export: identical but for exportedAt', () => {
    const { register: first, authorityId } = richDemoRegister();
    const exported = exportPackage(first, authorityId);
    expect(exported.assessments.map((a) => a.status).sort()).toEqual(['draft', 'locked', 'locked', 'submitted']);

    const second = temp.open({ now: () => '2027-03-15T08:30:00.000Z' });
    const summary = importPackage(second, JSON.parse(JSON.stringify(exported)));
    expect(summary).toMatchObject({ authorityUid: exported.authority.uid, controls: 33, evidence: exported.controls.flatMap((c) => c.evidence).length, assessments: 4 });
    const again = exportPackage(second, summary.authorityId);

    expect(again.exportedAt).toBe('2027-03-15T08:30:00.000Z');
    expect(exported.exportedAt).toBe('2026-11-01T10:00:00.000Z');
    expect(withoutExportedAt(again)).toEqual(withoutExportedAt(exported));
    expect(JSON.stringify(withoutExportedAt(again))).toBe(JSON.stringify(withoutExportedAt(exported)));

    // Locked assessments keep their digest and still verify; every assessment scores the same.
    for (const pkgAssessment of exported.assessments) {
      const a1 = findAssessmentByUid(first, pkgAssessment.uid)!;
      const a2 = findAssessmentByUid(second, pkgAssessment.uid)!;
      expect(a2.status).toBe(a1.status);
      expect(a2.digest).toBe(a1.digest);
      if (a2.digest) expect(snapshotDigest(assessmentSnapshot(second, a2.id))).toBe(a2.digest);
      expect(scoreAssessment(second, a2.id)).toEqual(scoreAssessment(first, a1.id));
    }
    // The file bytes stay behind; the hash travels.
    const evidence = exported.controls.find((c) => c.uid === 'extra-control')!.evidence[0]!;
    expect(evidence.file).toMatchObject({ name: 'letter.pdf', size: 9 });
    // One audit row records the import.
    expect(listAudit(second).map((r) => [r.action, r.entity, r.entityId])).toEqual([['import', 'authority', exported.authority.uid]]);
  });

  it('an imported locked assessment is protected by the triggers in its new register', () => {
    const register = temp.open();
    createDemo(register);
    const baseline = findAssessmentByUid(register, 'demo-assessment-2025')!;
    expect(baseline.status).toBe('locked');
    expect(() => register.db.prepare("UPDATE assessments SET title = 'x' WHERE id = ?").run(baseline.id)).toThrow(/locked assessment/);
    expect(() => register.db.prepare('DELETE FROM chain_cells WHERE assessment_id = ?').run(baseline.id)).toThrow(/locked assessment/);
  });

  describe('a package with errors is refused with PackageValidationError naming the JSON path, and writes nothing', () => {
    const cases: Array<[string, (pkg: AssessmentPackage) => void, string[]]> = [
      ['unknown family', (p) => void (p.controls[3]!.family = 'astrology'), ['$.controls[3].family']],
      ['bad evidence date', (p) => void (p.controls[0]!.evidence[0]!.date = '2026-02-30'), ['$.controls[0].evidence[0].date']],
      ['bad control review date', (p) => void (p.controls[2]!.lastReviewed = '2026/01/01'), ['$.controls[2].lastReviewed']],
      ['evidence expiring before its date', (p) => void (p.controls[0]!.evidence[0]!.expiry = '2020-01-01'), ['$.controls[0].evidence[0].expiry']],
      [
        "locked assessment whose snapshot no longer matches its digest",
        (p) => void (p.assessments[0]!.lock!.snapshot.controls[0]!.maturity = 4),
        ['$.assessments[0].lock.digest'],
      ],
      ['locked assessment with a forged digest', (p) => void (p.assessments[0]!.lock!.digest = 'f'.repeat(64)), ['$.assessments[0].lock.digest']],
      ['locked assessment without its lock', (p) => void (p.assessments[0]!.lock = null), ['$.assessments[0].lock']],
      ['duplicate control uid', (p) => void (p.controls[5]!.uid = p.controls[4]!.uid), ['$.controls[5].uid']],
      ['duplicate assessment uid', (p) => void (p.assessments[1]!.uid = p.assessments[0]!.uid), ['$.assessments[1].uid']],
      ['unknown criterion', (p) => void (p.assessments[1]!.criteria[0]!.criterionId = '99.9'), ['$.assessments[1].criteria[0].criterionId']],
      ['unknown chain stage', (p) => void (p.assessments[1]!.chain[2]!.stage = 'teleport'), ['$.assessments[1].chain[2].stage']],
      ['unknown framework', (p) => void (p.assessments[1]!.frameworks = ['uncac-7-12', 'nope']), ['$.assessments[1].frameworks']],
      ['maturity out of range', (p) => void ((p.controls[1] as { maturity: number }).maturity = 7), ['$.controls[1].maturity']],
      ['wrong format', (p) => void ((p as { format: string }).format = 'something/else'), ['$.format']],
      [
        'several reference errors at once: all are reported',
        (p) => {
          p.controls[3]!.family = 'astrology';
          p.controls[5]!.uid = p.controls[4]!.uid;
          p.assessments[0]!.lock!.snapshot.asOf = '2025-12-31';
        },
        ['$.controls[3].family', '$.controls[5].uid', '$.assessments[0].lock.digest'],
      ],
    ];
    for (const [label, mutate, paths] of cases) {
      it(label, () => {
        const pkg = clone(demoPackage());
        mutate(pkg);
        const register = temp.open();
        const error = validationError(() => importPackage(register, pkg));
        expect(error.issues.map((i) => i.path).sort()).toEqual(expect.arrayContaining(paths));
        for (const path of paths) expect(error.message).toContain(path);
        expectEmpty(register);
        // The pure validator agrees.
        expect(validationError(() => validatePackage(pkg)).issues.map((i) => i.path)).toEqual(error.issues.map((i) => i.path));
      });
    }
  });

  it('refuses a locked snapshot that is intact but belongs to another assessment', () => {
    const pkg = structuredClone(demoPackage()) as AssessmentPackage;
    const locked = pkg.assessments.find((a) => a.status === 'locked')!;
    locked.uid = 'someone-else';
    const target = temp.open();
    let caught: unknown;
    try {
      importPackage(target, pkg);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PackageValidationError);
    const paths = (caught as PackageValidationError).issues.map((i) => i.path);
    expect(paths).toContain('$.assessments[0].lock.snapshot.assessment.uid');
    expect(listAuthorities(target)).toEqual([]);
  });

  it('the unknown family issue says which family', () => {
    const pkg = clone(demoPackage());
    pkg.controls[3]!.family = 'astrology';
    const error = validationError(() => validatePackage(pkg));
    expect(error.issues).toContainEqual({ path: '$.controls[3].family', message: expect.stringContaining('"astrology"') });
  });

  it('a non-object is refused without touching the register', () => {
    const register = temp.open();
    for (const data of [null, 42, 'package', [], {}]) validationError(() => importPackage(register, data));
    expectEmpty(register);
  });

  it('importing the same package twice is refused naming $.authority.uid, leaving the register as it was', () => {
    const register = temp.open();
    const pkg = demoPackage();
    importPackage(register, pkg);
    const before = dumpTables(register.db);
    const error = validationError(() => importPackage(register, pkg));
    const paths = error.issues.map((i) => i.path);
    expect(paths).toContain('$.authority.uid');
    // Every clashing record is named, not just the first.
    expect(paths).toContain('$.controls[0].uid');
    expect(paths).toContain('$.controls[0].evidence[0].uid');
    expect(paths).toContain('$.assessments[0].uid');
    expect(dumpTables(register.db)).toEqual(before);
  });

  it('a custom framework embedded in a package is imported and scored', () => {
    const pkg = clone(demoPackage()) as AssessmentPackage;
    pkg.frameworks = [customFramework() as AssessmentPackage['frameworks'][number]];
    const draft = pkg.assessments[1]!;
    pkg.assessments.push({ ...clone(draft), uid: 'custom-assessment', title: 'Consultant review', frameworks: ['consultant-extra'], criteria: [], clonedFrom: null });
    const register = temp.open();
    const summary = importPackage(register, pkg);
    expect(summary.frameworks).toBe(1);
    expect(listCustomFrameworks(register).map((f) => f.id)).toEqual(['consultant-extra']);

    const assessment = findAssessmentByUid(register, 'custom-assessment')!;
    const result = scoreAssessment(register, assessment.id);
    // Only the custom criterion: vetting (effective 3, evidenced) and e-permitting (4) → min = 3, weight 2 → 75.
    expect(result.criteria.map((c) => [c.id, c.derived, c.final])).toEqual([['X.1', 3, 3]]);
    expect(result.overall.score).toBe(75);
    expect(result.articles).toEqual([expect.objectContaining({ frameworkId: 'consultant-extra', article: 'X', score: 75 })]);

    // And it travels on: exported again with the framework embedded, importable elsewhere.
    const again = exportPackage(register, summary.authorityId);
    expect(again.frameworks.map((f) => f.id)).toEqual(['consultant-extra']);
    const elsewhere = temp.open();
    importPackage(elsewhere, again);
    const there = findAssessmentByUid(elsewhere, 'custom-assessment')!;
    expect(scoreAssessment(elsewhere, there.id)).toEqual(result);
  });

  it('a package using a custom framework it does not embed is refused, unless the register already has it', () => {
    const register = temp.open();
    importFramework(register, 'consultant.json', customFramework());
    const source = temp.open();
    importFramework(source, 'consultant.json', customFramework());
    createDemo(source);
    const authority = findAuthorityByUid(source, 'demo-veridia-ma')!;
    createAssessment(source, authority.id, { title: 'Custom', asOf: '2026-10-31', frameworks: ['consultant-extra'] }, 'custom-a');
    const pkg = exportPackage(source, authority.id);
    expect(pkg.frameworks.map((f) => f.id)).toEqual(['consultant-extra']);

    const stripped = { ...clone(pkg), frameworks: [] };
    const empty = temp.open();
    const error = validationError(() => importPackage(empty, stripped));
    expect(error.issues.map((i) => i.path)).toContain(`$.assessments[${pkg.assessments.findIndex((a) => a.uid === 'custom-a')}].frameworks`);
    expectEmpty(empty);
    // The register that knows the framework takes it.
    expect(importPackage(register, stripped).assessments).toBe(3);
  });

  it('an inconsistent custom framework (unknown family) is rejected naming the item and field, and writes nothing', () => {
    const pkg = clone(demoPackage()) as AssessmentPackage;
    pkg.frameworks = [customFramework({ facets: [['vetting'], ['palm_reading']] }) as AssessmentPackage['frameworks'][number]];
    const register = temp.open();
    const error = validationError(() => importPackage(register, pkg));
    const issue = error.issues.find((i) => i.path.startsWith('$.frameworks[0]'));
    expect(issue).toBeDefined();
    expect(issue!.message).toContain('criteria[0] (X.1)');
    expect(issue!.message).toContain('facets[1][0]');
    expect(issue!.message).toContain('"palm_reading"');
    expectEmpty(register);
  });

  it('a package may not embed a built-in framework', () => {
    const pkg = clone(demoPackage()) as AssessmentPackage;
    pkg.frameworks = [customFramework({ id: 'uncac-7-12' }) as AssessmentPackage['frameworks'][number]];
    const register = temp.open();
    expect(validationError(() => importPackage(register, pkg)).issues.map((i) => i.path)).toContain('$.frameworks[0].id');
    expectEmpty(register);
  });

  it('an import survives closing and reopening the register file', () => {
    const file = temp.path();
    const register = openRegister(file, { now: fixedClock });
    importPackage(register, demoPackage());
    const exported = exportPackage(register, listAuthorities(register)[0]!.id);
    register.db.close();
    const reopened = temp.open({ mustExist: true }, file);
    expect(withoutExportedAt(exportPackage(reopened, listAuthorities(reopened)[0]!.id))).toEqual(withoutExportedAt(exported));
  });
});
