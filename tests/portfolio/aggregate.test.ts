import { as, SUBMITTER, REVIEWER } from '../helpers/register-fixtures.js';
/**
 * The portfolio on real registers: the anonymity threshold, figures that
 * match each member's own PI-1 result, and the choice of each member's assessment.
 */
import { describe, expect, it } from 'vitest';
import { portfolioMembers, portfolioOf } from '../../api/portfolio-handlers.js';
import { setApplicability } from '../../db/assessment-inputs.js';
import { createDemo } from '../../db/demo.js';
import { listAssessments } from '../../db/assessments.js';
import { createAuthority, listAuthorities } from '../../db/authorities.js';
import { lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import type { Register } from '../../db/register.js';
import { scoreAssessment } from '../../db/snapshot.js';
import { FLAG_KINDS, MATURITY_LEVELS } from '../../shared/domain/vocabulary.js';
import { buildPortfolio } from '../../shared/portfolio/aggregate.js';
import type { Portfolio, Suppressible } from '../../shared/portfolio/types.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { authorityPackage, importAuthorities, secretName, secretUid, THREE } from './fixtures.js';
import { importPackage } from '../../db/package-import.js';
import { createAssessment } from '../../db/assessments.js';
import type { AssessmentPackage } from '../../shared/package/schema.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import { snapshotDigest } from '../../shared/snapshot/canonical.js';
import { newSecretKey, publicKeyOf, sign } from '../../shared/signing/ed25519.js';
import { packageSnapshot } from '../../shared/package/to-snapshot.js';

const temp = useTempRegisters();

/** Every figure of a portfolio (all the Suppressible values), with where it is. */
function figures(p: Portfolio): Array<[string, Suppressible]> {
  return [
    ['usingDrafts', p.usingDrafts],
    ...p.criteria.flatMap((c) => [[`${c.id} population`, c.population], ...c.distribution.map((n, l) => [`${c.id} m${l}`, n]), [`${c.id} below`, c.belowTarget], [`${c.id} share`, c.belowTargetShare]] as Array<[string, Suppressible]>),
    ...p.flagKinds.map((f): [string, Suppressible] => [f.kind, f.authorities]),
    ...p.familyGaps.flatMap((g): Array<[string, Suppressible]> => [[`${g.family} population`, g.population], [`${g.family} missing`, g.missing]]),
    ...p.cells.flatMap((c): Array<[string, Suppressible]> => [[`${c.stage}/${c.riskType} population`, c.population], [`${c.stage}/${c.riskType} high`, c.highOrCritical], ...Object.entries(c.bands).map(([b, n]): [string, Suppressible] => [`${c.stage}/${c.riskType} ${b}`, n ?? null])]),
  ];
}

/** Each authority's own PI-1 result for the assessment it contributes (its only one here: a draft). */
function ownResults(register: Register) {
  return listAuthorities(register).map((a) => scoreAssessment(register, listAssessments(register, a.id).at(-1)!.id));
}

describe('anonymity threshold', () => {
  it('a portfolio of 2 authorities shows no figure at all', () => {
    const register = temp.open();
    importAuthorities(register, THREE.slice(0, 2));
    const p = portfolioOf(register);
    expect(p.authorities).toBe(2);
    expect(p.suppressed).toBe(true);
    const all = figures(p);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(([, v]) => v !== null)).toEqual([]);
    expect(p.criteria.every((c) => c.suppressed) && p.familyGaps.every((g) => g.suppressed) && p.cells.every((c) => c.suppressed)).toBe(true);
  });

  it('a portfolio of 3 shows figures that match each member’s PI-1 result', () => {
    const register = temp.open();
    importAuthorities(register, THREE);
    const p = portfolioOf(register);
    const results = ownResults(register);
    expect(p.suppressed).toBe(false);
    expect(p.authorities).toBe(3);
    expect(p.usingDrafts).toBe(3);
    for (const c of p.criteria) {
      const own = results.map((r) => r.criteria.find((x) => x.id === c.id && x.frameworkId === c.frameworkId)!).filter((x) => x.applicable);
      expect(c.population).toBe(own.length);
      if (own.length < 3) {
        expect(c.suppressed).toBe(true);
        continue;
      }
      expect(c.distribution).toEqual(MATURITY_LEVELS.map((level) => own.filter((x) => x.final === level).length));
      expect(c.belowTarget).toBe(own.filter((x) => !x.meetsTarget).length);
      expect(c.belowTargetShare).toBeCloseTo(own.filter((x) => !x.meetsTarget).length / own.length);
    }
    // The variants differ: 7.1(b) needs vetting, which authority 2 lacks, so the three are not all alike.
    const b = p.criteria.find((c) => c.id === '7.1(b)')!;
    expect(b.distribution[0]).toBeGreaterThanOrEqual(1);
    expect(b.distribution.filter((n) => n).length).toBeGreaterThan(1);
    for (const f of p.flagKinds) expect(f.authorities).toBe(results.filter((r) => r.flags.some((x) => x.kind === f.kind)).length);
    for (const g of p.familyGaps) {
      expect(g.missing).toBe(results.filter((r) => !r.controls.some((c) => c.family === g.family)).length);
      // For a core family that is exactly PI-1's missing-core-family flag.
      if (g.core) expect(g.missing).toBe(results.filter((r) => r.flags.some((x) => x.kind === 'missing-core-family' && x.subject.id === g.family)).length);
    }
    expect(p.familyGaps.find((g) => g.family === 'vetting')!.missing).toBe(1);
    for (const cell of p.cells) {
      const own = results.map((r) => r.chain.find((x) => x.stage === cell.stage && x.riskType === cell.riskType)!);
      expect(cell.highOrCritical).toBe(own.filter((x) => x.band === 'high' || x.band === 'critical').length);
      expect(cell.bands).toEqual({ low: 0, medium: 0, high: 0, critical: 0, ...Object.fromEntries(['low', 'medium', 'high', 'critical'].map((b) => [b, own.filter((x) => x.band === b).length])) });
    }
    expect(p.cells).toHaveLength(p.stages.length * p.riskTypes.length);
    expect(p.flagKinds.map((f) => f.kind)).toEqual([...FLAG_KINDS]);
  });

  it('never copies an authority uid or name into the portfolio', () => {
    const register = temp.open();
    importAuthorities(register, THREE);
    const text = JSON.stringify(portfolioOf(register));
    for (const n of [1, 2, 3]) {
      expect(text).not.toContain(secretName(n));
      expect(text).not.toContain(secretUid(n));
      expect(text).not.toContain(`zorb-${n}`);
      expect(text).not.toContain('Zorblaxia');
    }
  });

  it('k above 3 suppresses more: a criterion set aside by one of 4 authorities', () => {
    const register = temp.open();
    importAuthorities(register, [...THREE, { shift: 2 }]);
    const fourth = listAuthorities(register).find((a) => a.uid === secretUid(4))!;
    setApplicability(register, listAssessments(register, fourth.id)[0]!.id, '12.2(a)', { applicable: false, justification: 'No law-enforcement partner exists yet.' });
    const at3 = portfolioOf(register, 3);
    const at4 = portfolioOf(register, 4);
    const at5 = portfolioOf(register, 5);
    const shown = (p: Portfolio) => figures(p).filter(([, v]) => v !== null).length;
    expect(at3.criteria.find((c) => c.id === '12.2(a)')).toMatchObject({ population: 3, suppressed: false });
    expect(at4.criteria.find((c) => c.id === '12.2(a)')).toMatchObject({ population: 3, suppressed: true, belowTarget: null });
    expect(at4.criteria.find((c) => c.id === '7.1(b)')!.suppressed).toBe(false);
    expect(shown(at4)).toBeLessThan(shown(at3));
    expect(at5.suppressed).toBe(true);
    expect(shown(at5)).toBe(0);
  });

  it('refuses k below 3 and an authority pooled twice', () => {
    const register = temp.open();
    importAuthorities(register, THREE);
    const { members } = portfolioMembers(register);
    const labels = { generatedAt: register.now(), families: [], stages: [], riskTypes: [] };
    expect(() => buildPortfolio(members, { ...labels, k: 2 })).toThrow(/at least 3/);
    expect(() => buildPortfolio([...members, members[0]!], { ...labels, k: 3 })).toThrow(/one assessment/);
  });
});

describe('members', () => {
  it('take the newest locked assessment, else the newest draft, and say how many use drafts', () => {
    const register = temp.open();
    createDemo(register); // a locked 2025 baseline and a 2026 draft
    importAuthorities(register, THREE);
    const third = listAuthorities(register).find((a) => a.uid === secretUid(3))!;
    const id = listAssessments(register, third.id)[0]!.id;
    transitionAssessment(as(register, SUBMITTER), id, 'submitted');
    transitionAssessment(as(register, REVIEWER), id, 'reviewed');
    lockAssessment(as(register, REVIEWER), id);
    createAuthority(register, { name: 'Authority with no assessment yet', country: 'Nowhere', level: 'national', notes: '' });

    const { members, withoutAssessment } = portfolioMembers(register, { includeOwn: true });
    expect(withoutAssessment).toBe(1);
    // The demo is never pooled, even though it was imported.
    expect(members.find((m) => m.authorityUid === 'demo-veridia-ma')).toBeUndefined();
    expect(members.find((m) => m.authorityUid === secretUid(3))!.draft).toBe(false);
    expect(members.find((m) => m.authorityUid === secretUid(1))!.draft).toBe(true);
    const p = portfolioOf(register, undefined, { includeOwn: true });
    expect(p).toMatchObject({ authorities: 3, usingDrafts: 2, withoutAssessment: 1 });
    // Own authorities stay out unless chosen.
    expect(portfolioMembers(register).withoutAssessment).toBe(0);
  });
});

describe('who is pooled (issue 9: the demo could be subtracted out)', () => {
  it('a register seeded with the demo plus two imported packages pools 2 authorities and shows no figure', () => {
    const register = temp.open();
    createDemo(register);
    importAuthorities(register, THREE.slice(0, 2));
    const p = portfolioOf(register);
    expect(p.authorities).toBe(2);
    expect(p.suppressed).toBe(true);
    expect(figures(p).filter(([, v]) => v !== null)).toEqual([]);
  });

  it("the consultant's own authorities are pooled only when chosen", () => {
    const register = temp.open();
    importAuthorities(register, THREE.slice(0, 2));
    const own = createAuthority(register, { name: 'Own', country: '', level: 'national', notes: '' });
    createAssessment(register, own.id, { title: 'Own assessment', asOf: '2026-10-31' });
    expect(portfolioOf(register).authorities).toBe(2);
    expect(portfolioOf(register, undefined, { includeOwn: true }).authorities).toBe(3);
  });

  it('k counts distinct authority keys: one authority imported twice under two uids, signed by one key, counts once', () => {
    const register = temp.open();
    const key = newSecretKey();
    for (const n of [1, 2, 3]) {
      const pkg = authorityPackage(n === 3 ? 1 : n);
      // Authority 1 again under a new uid (n = 3), with the same signing key.
      if (n === 3) {
        pkg.authority.uid = secretUid(33);
        pkg.controls = pkg.controls.map((c) => ({ ...c, uid: `${c.uid}-again`, evidence: c.evidence.map((e) => ({ ...e, uid: `${e.uid}-again` })) }));
        pkg.assessments = pkg.assessments.map((a) => ({ ...a, uid: `${a.uid}-again` }));
      }
      importPackage(register, lockedSigned(pkg, n === 2 ? newSecretKey() : key));
    }
    expect(listAuthorities(register)).toHaveLength(3);
    expect(portfolioOf(register).authorities).toBe(2);
  });
});

/** The package's draft turned into a lock signed with `secret` (as the authority's app would). */
function lockedSigned(pkg: AssessmentPackage, secret: Uint8Array): AssessmentPackage {
  const library = builtInLibrary();
  pkg.assessments = pkg.assessments.map((a) => {
    const snapshot = packageSnapshot(pkg, library, a);
    const digest = snapshotDigest(snapshot);
    return { ...a, status: 'locked', lockedAt: a.updatedAt, lock: { snapshot, digest, publicKey: publicKeyOf(secret), signature: sign(secret, 'lock', digest), signer: 'Director' } };
  });
  return pkg;
}
