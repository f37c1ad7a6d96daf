/**
 * A locked snapshot whose digest was recomputed after forging it (issue 9):
 * the digest then "matches", so the snapshot itself must be checked against
 * its library and for internal consistency, on import and on verify.
 */
import { describe, expect, it } from 'vitest';
import { demoPackage } from '../../db/demo.js';
import { importPackage } from '../../db/package-import.js';
import { dispatch } from '../../api/dispatch.js';
import { createAuthority } from '../../db/authorities.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import type { AssessmentPackage } from '../../shared/package/schema.js';
import { PackageValidationError, validatePackage } from '../../shared/package/validate.js';
import { snapshotDigest } from '../../shared/snapshot/canonical.js';
import { snapshotIssues } from '../../shared/snapshot/consistency.js';
import type { Snapshot } from '../../shared/snapshot/schema.js';
import { RegisterError } from '../../db/errors.js';
import { dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

/** The demo package with its locked snapshot changed by `forge` and its digest recomputed, as a forger would. */
function forged(forge: (snapshot: Snapshot, pkg: AssessmentPackage) => void): AssessmentPackage {
  const pkg = JSON.parse(JSON.stringify(demoPackage())) as AssessmentPackage; // not structuredClone: it keeps shared references
  const locked = pkg.assessments.find((a) => a.lock)!;
  forge(locked.lock!.snapshot, pkg);
  locked.lock!.digest = snapshotDigest(locked.lock!.snapshot);
  return pkg;
}

function issuesOf(pkg: unknown): Array<{ path: string; message: string }> {
  try {
    validatePackage(pkg);
  } catch (error) {
    expect(error).toBeInstanceOf(PackageValidationError);
    return (error as PackageValidationError).issues;
  }
  throw new Error('expected the package to be refused');
}

describe('a forged locked snapshot with a recomputed digest', () => {
  it('is consistent as the app writes it (the demo package validates)', () => {
    expect(() => validatePackage(demoPackage())).not.toThrow();
    const snapshot = demoPackage().assessments.find((a) => a.lock)!.lock!.snapshot;
    expect(snapshotIssues(snapshot, builtInLibrary())).toEqual([]);
  });

  it.each([
    ['a control in a family that does not exist', (s: Snapshot) => void (s.controls[0]!.family = 'ghost_family'), /controls\[0\]\.family$/],
    ['a family the library does not know', (s: Snapshot) => void (s.families[0]!.id = 'invented'), /families\[0\]\.id$/],
    ['a blank family id', (s: Snapshot) => void (s.families[1]!.id = '   '), /families\[1\]$/],
    ['a criterion whose weight was raised', (s: Snapshot) => void (s.criteria[0]!.weight = 3 - (s.criteria[0]!.weight % 3)), /criteria\[0\]\.weight$/],
    ['a criterion facet naming an unknown family', (s: Snapshot) => void (s.criteria[0]!.facets[0]!.push('nowhere')), /criteria\[0\]\.facets/],
    ['an input for a criterion that does not exist', (s: Snapshot) => void s.criterionInputs.push({ criterionId: 'Z.9', override: null, applicability: null, notes: '' }), /criterionInputs\[\d+\]\.criterionId$/],
    ['a chain cell for an unknown stage', (s: Snapshot) => void (s.chain[0]!.stage = 'teleportation'), /chain\[0\]\.stage$/],
    ['a core family turned optional', (s: Snapshot) => void (s.families.find((f) => f.core)!.core = false), /\.core$/],
  ])('is refused on import when it has %s, naming the path', (_label, forge, path) => {
    const pkg = forged(forge);
    const issues = issuesOf(pkg);
    expect(issues.some((issue) => path.test(issue.path) && issue.path.startsWith('$.assessments['))).toBe(true);
    // The digest itself was recomputed, so it is not what gives the forgery away.
    expect(issues.some((issue) => issue.path.endsWith('.lock.digest'))).toBe(false);
    const register = temp.open();
    const before = dumpTables(register.db);
    expect(() => importPackage(register, pkg)).toThrow(PackageValidationError);
    expect(dumpTables(register.db)).toEqual(before);
  });

  it('is refused when the frozen inputs disagree with the inputs the package lists for the assessment', () => {
    const pkg = forged((snapshot) => {
      snapshot.chain[0]!.likelihood = snapshot.chain[0]!.likelihood === 1 ? 2 : 1;
    });
    expect(issuesOf(pkg).map((i) => i.path)).toContain('$.assessments[0].chain');
  });
});

describe('control characters in text are refused at validation, with the field path', () => {
  it('in a package (a NUL in a locked stage name)', () => {
    const pkg = forged((snapshot) => void (snapshot.stages[0]!.title = 'Permit\u0000issuance'));
    const issues = issuesOf(pkg);
    expect(issues).toEqual([{ path: expect.stringMatching(/^\$\.assessments\[\d+\]\.lock\.snapshot\.stages\[0\]\.title$/), message: expect.stringContaining('U+0000') }]);
  });

  it('in a register write (db function) and through the API, naming the field', async () => {
    const register = temp.open();
    expect(() => createAuthority(register, { name: 'Bad\u0007name', country: '', level: 'national', notes: '' })).toThrow(RegisterError);
    expect(() => createAuthority(register, { name: 'Bad\u0007name', country: '', level: 'national', notes: '' })).toThrow(/name: contains a control character/);
    const result = await dispatch(register, { transport: 'browser', version: 'test' }, 'authorities.create', { name: 'Fine', country: 'Null\u0000land', level: 'national', notes: '' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('country: contains a control character (U+0000)') } });
    // Tabs and line breaks are ordinary text.
    expect(createAuthority(register, { name: 'Fine', country: '', level: 'national', notes: 'line one\n\tline two' }).notes).toContain('\t');
  });
});
