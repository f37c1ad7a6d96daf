/**
 * PI-1.3 must leave what already exists alone: assessments without the legal
 * framework pack build byte-identical snapshots, and locked snapshots keep
 * their digests. The digests below were computed with the code as it stood
 * before the pack was added (commit 00fe1a5), from the same inputs.
 */
import { describe, expect, it } from 'vitest';
import { findAssessmentByUid } from '../../db/assessments.js';
import { createDemo, demoPackage } from '../../db/demo.js';
import { exportPackage } from '../../db/package-export.js';
import { importPackage } from '../../db/package-import.js';
import { assessmentSnapshot, scoreAssessment } from '../../db/snapshot.js';
import { assess } from '../../shared/methodology/assess.js';
import { canonicalJson, snapshotDigest } from '../../shared/snapshot/canonical.js';
import { builtInSnapshot, ev, input, registerControl } from '../methodology/fixtures.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

const BEFORE = {
  demoBaseline: '5c0f25d74068f3490d826f59f9b30e4c4d53bd56f0c420bb34ee2473a7b3928c',
  core: 'c7663b7e4afa777df4fd78e7378deeeaa7ef1a971403d5b5616fa9e93ab5a4e8',
  coreAndExtended: '76244e2043863a599aa97a943904e6e458ccbe2c3c26b449834d0cad0fa076be',
};

describe('assessments without the pack are unchanged', () => {
  const controls = [
    registerControl(),
    registerControl({ uid: 'rc-2', family: 'e_permitting', maturity: 3, evidence: [ev('e1', '2026-01-01')] }),
    registerControl({ uid: 'rc-3', family: 'disciplinary_sanctions', maturity: 2 }),
  ];
  const criterionInputs = [input('7.1(a)', { notes: 'n' }), input('8.6', { override: { maturity: 1, justification: 'j' } })];

  it('UNCAC 7/12 alone: same snapshot bytes, same digest, same score and flag counts as before', () => {
    const snapshot = builtInSnapshot({ frameworks: ['uncac-7-12'], controls, criterionInputs });
    expect(snapshotDigest(snapshot)).toBe(BEFORE.core);
    expect(snapshot.criteria.some((c) => 'riskType' in c)).toBe(false);
    expect(canonicalJson(snapshot.frameworks)).not.toContain('scoredSeparately');
    const result = assess(snapshot);
    expect(result.overall.score).toBe(0);
    expect(result.flagCounts).toEqual({ critical: 16, high: 22, medium: 3, low: 2 });
    expect(result.sections).toEqual([]);
  });

  it('UNCAC 7/12 with the extended pack: same digest, overall 1.2 and flag counts as before', () => {
    const snapshot = builtInSnapshot({ frameworks: ['uncac-7-12', 'uncac-extended'], controls, criterionInputs });
    expect(snapshotDigest(snapshot)).toBe(BEFORE.coreAndExtended);
    const result = assess(snapshot);
    expect(result.overall.score).toBe(1.2);
    expect(result.flagCounts).toEqual({ critical: 21, high: 23, medium: 4, low: 2 });
  });
});

describe('locked snapshots keep their digests', () => {
  it("the demo's 2025 baseline is still locked on UNCAC 7/12 with the digest it had", () => {
    const pkg = demoPackage();
    const baseline = pkg.assessments.find((a) => a.uid === 'demo-assessment-2025')!;
    expect(baseline.frameworks).toEqual(['uncac-7-12']);
    expect(baseline.lock!.digest).toBe(BEFORE.demoBaseline);

    const register = temp.open();
    createDemo(register);
    const row = findAssessmentByUid(register, 'demo-assessment-2025')!;
    expect(row.digest).toBe(BEFORE.demoBaseline);
    expect(snapshotDigest(assessmentSnapshot(register, row.id))).toBe(BEFORE.demoBaseline);
    expect(scoreAssessment(register, row.id).sections).toEqual([]);
  });

  it('an older package (no pack anywhere) imports unchanged and round-trips with the same digest', () => {
    const older = demoPackage();
    // As an app without the pack wrote it: only the baseline, only the original controls.
    older.assessments = older.assessments.filter((a) => a.uid === 'demo-assessment-2025');
    older.controls = older.controls.filter((c) => !['legal_framework', 'action_against_corrupt_officials'].includes(c.family));
    const register = temp.open();
    importPackage(register, older);
    const row = findAssessmentByUid(register, 'demo-assessment-2025')!;
    expect(row.frameworks).toEqual(['uncac-7-12']);
    const exported = exportPackage(register, row.authorityId);
    expect(exported.assessments[0]!.lock).toEqual(older.assessments[0]!.lock);
    expect(exported.assessments[0]!.frameworks).toEqual(['uncac-7-12']);
  });
});
