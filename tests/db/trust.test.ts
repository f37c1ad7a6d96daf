/**
 * Issue 9: the audit head catches a cut log, the four-eyes rule separates
 * submitter from reviewer and locker, and locks are signed with a key kept
 * outside the register (file 0600, or safeStorage in Electron).
 */
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../db/audit.js';
import { auditHead, checkHead, formatHead, headHistory } from '../../db/audit-head.js';
import { RegisterError } from '../../db/errors.js';
import { FileKeyStore, keyFileText, SafeStorageKeyStore, type SafeStorageLike } from '../../db/keys.js';
import { cloneAssessment, lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import { exportPackage } from '../../db/package-export.js';
import { importPackage } from '../../db/package-import.js';
import { previewPackage, updateFromPackage } from '../../db/package-update.js';
import type { Register } from '../../db/register.js';
import { exportSigningKey, importSigningKey, signingKeyInfo } from '../../db/signing.js';
import { listTrustedKeys } from '../../db/trust.js';
import { dispatch } from '../../api/dispatch.js';
import type { AssessmentPackage } from '../../shared/package/schema.js';
import { PackageValidationError, validatePackage } from '../../shared/package/validate.js';
import { snapshotDigest } from '../../shared/snapshot/canonical.js';
import { fingerprint, newSecretKey, publicKeyOf, sign, verifySignature } from '../../shared/signing/ed25519.js';
import { as, REVIEWER, seedAuthority, SUBMITTER } from '../helpers/register-fixtures.js';
import { rowCounts, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

function keyed(dir = temp.dir(), file?: string): Register {
  return temp.open({ keys: new FileKeyStore(join(dir, 'keys')) }, file);
}

function lockedRegister(register: Register): { register: Register; id: number } {
  const { assessment } = seedAuthority(register);
  transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
  transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
  lockAssessment(register, assessment.id);
  return { register, id: assessment.id };
}

function refused(work: () => unknown): RegisterError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterError);
    return error as RegisterError;
  }
  throw new Error('expected a refusal');
}

describe('audit head: cutting the end of the log is detected', () => {
  it.each([1, 3, 'all'] as const)('deleting the last %s row(s): the chain still links, the head says truncated', (cut) => {
    const file = temp.path();
    const { register } = lockedRegister(keyed(temp.dir(), file));
    const head = auditHead(register);
    expect(checkHead(register, head)).toMatchObject({ ok: true });
    const raw = temp.raw(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    const keep = cut === 'all' ? 0 : head.rows - cut;
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(keep);
    // This is the attack: the shortened chain verifies.
    expect(verifyAudit(register).ok).toBe(true);
    expect(checkHead(register, head)).toMatchObject({ ok: false, problem: 'truncated', rows: keep });
  });

  it('a rewritten tail (same row count, different last row) is reported as diverged', () => {
    const file = temp.path();
    const { register } = lockedRegister(keyed(temp.dir(), file));
    const head = auditHead(register);
    const raw = temp.raw(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE id = ?').run(head.rows);
    // A new change re-extends the chain to the same length, with a different last row.
    seedAuthority(register, 'Another authority');
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(head.rows);
    expect(verifyAudit(register).ok).toBe(true);
    expect(auditHead(register).rows).toBe(head.rows);
    expect(checkHead(register, head)).toMatchObject({ ok: false, problem: 'diverged' });
  });

  it('locks, packages and the history carry the head', () => {
    const { register, id } = lockedRegister(keyed());
    const pkg = exportPackage(register, 1);
    expect(pkg.auditHead).toBe(formatHead(auditHead(register)));
    const lock = pkg.assessments.find((a) => a.lock)!.lock!;
    expect(lock.auditHead).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(headHistory(register).map((h) => [h.event, h.subject])).toContainEqual(['assessment.lock', pkg.assessments.find((a) => a.lock)!.uid]);
    expect(id).toBeGreaterThan(0);
  });
});

describe('four eyes', () => {
  it('refuses the submitter as reviewer and as locker, and an unnamed reviewer', () => {
    const register = keyed();
    const { assessment } = seedAuthority(register);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    const before = rowCounts(register.db);
    expect(refused(() => transitionAssessment(register, assessment.id, 'reviewed')).code).toBe('forbidden');
    register.actor = undefined;
    expect(refused(() => transitionAssessment(register, assessment.id, 'reviewed')).message).toMatch(/say who you are/);
    expect(rowCounts(register.db)).toEqual(before);
    transitionAssessment(as(register, REVIEWER), assessment.id, 'reviewed');
    expect(refused(() => lockAssessment(as(register, SUBMITTER), assessment.id)).message).toMatch(/Ana Assessor submitted this assessment/);
    const locked = lockAssessment(as(register, 'Lina Locker'), assessment.id);
    expect(locked).toMatchObject({ submittedBy: SUBMITTER, reviewedBy: REVIEWER, lockedBy: 'Lina Locker' });
  });

  it('accepts an override only with a justification, and logs it', () => {
    const register = keyed();
    const { assessment } = seedAuthority(register);
    transitionAssessment(as(register, SUBMITTER), assessment.id, 'submitted');
    expect(refused(() => transitionAssessment(register, assessment.id, 'reviewed', undefined, undefined, { fourEyesOverride: '  ' })).code).toBe('forbidden');
    transitionAssessment(register, assessment.id, 'reviewed', undefined, undefined, { fourEyesOverride: 'One-person unit; director approved by letter 12/2026.' });
    const override = listAudit(register, { entity: 'assessment', entityId: assessment.uid }).find((r) => r.action === 'override')!;
    expect(override).toMatchObject({ actor: SUBMITTER, field: 'four_eyes', justification: 'One-person unit; director approved by letter 12/2026.' });
  });

  it('is on by default, and turning it off through the API needs a reason that is logged', async () => {
    const register = keyed();
    const env = { transport: 'browser' as const, version: 'test' };
    expect(await dispatch(register, env, 'trust.key', {})).toMatchObject({ ok: true, value: { fourEyes: true } });
    expect(await dispatch(register, env, 'trust.fourEyes', { required: false })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dispatch(register, env, 'trust.fourEyes', { required: false, justification: 'Pilot with one officer.' })).toMatchObject({ ok: true, value: { fourEyes: false } });
    expect(listAudit(register, { entity: 'setting' }).at(-1)).toMatchObject({ entityId: 'four_eyes', justification: 'Pilot with one officer.' });
    const { assessment } = seedAuthority(register);
    transitionAssessment(register, assessment.id, 'submitted');
    expect(transitionAssessment(register, assessment.id, 'reviewed').status).toBe('reviewed');
  });
});

describe('signatures', () => {
  it('lock signs the digest with a key in a 0600 file outside the register; the package carries signature and key', () => {
    const dir = temp.dir();
    const { register, id } = lockedRegister(keyed(dir));
    const info = signingKeyInfo(register);
    expect(info.canSign).toBe(true);
    expect(info.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    const keyFiles = readdirSync(join(dir, 'keys'));
    expect(keyFiles).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'keys', keyFiles[0]!)).mode & 0o777).toBe(0o600);
    // The secret is nowhere in the register.
    const secret = JSON.parse(exportSigningKey(register)).secretKey as string;
    expect(JSON.stringify(register.db.prepare('SELECT * FROM settings').all())).not.toContain(secret);
    const lock = exportPackage(register, 1).assessments.find((a) => a.lock)!.lock!;
    expect(lock.publicKey).toBe(info.publicKey);
    expect(lock.signer).toBe(REVIEWER);
    expect(verifySignature(lock.publicKey, lock.signature, 'lock', lock.digest)).toBe('valid');
    expect(id).toBeGreaterThan(0);
  });

  it('a forged snapshot (every maturity 4, digest recomputed) no longer passes: the signature is invalid', () => {
    const { register } = lockedRegister(keyed());
    const pkg = JSON.parse(JSON.stringify(exportPackage(register, 1))) as AssessmentPackage;
    const lock = pkg.assessments.find((a) => a.lock)!.lock!;
    for (const control of lock.snapshot.controls) control.maturity = 4;
    lock.digest = snapshotDigest(lock.snapshot);
    try {
      validatePackage(pkg);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(PackageValidationError);
      expect((error as PackageValidationError).issues.map((i) => i.path)).toContain('$.assessments[0].lock.signature');
    }
  });

  it('without a key store the lock is unsigned, and says so', () => {
    const { register } = lockedRegister(temp.open({ keys: null }));
    const lock = exportPackage(register, 1).assessments.find((a) => a.lock)!.lock!;
    expect(lock.signature).toBeUndefined();
    expect(verifySignature(lock.publicKey, lock.signature, 'lock', lock.digest)).toBe('unsigned');
  });

  it('exports and imports the key; replacing a different key needs confirmation', () => {
    const a = keyed();
    lockedRegister(a);
    const exported = exportSigningKey(a);
    const b = keyed();
    seedAuthority(b);
    const first = importSigningKey(b, exported);
    expect(first.publicKey).toBe(signingKeyInfo(a).publicKey);
    const other = keyed();
    lockedRegister(other);
    expect(refused(() => importSigningKey(b, exportSigningKey(other))).code).toBe('conflict');
    expect(importSigningKey(b, exportSigningKey(other), true).publicKey).toBe(signingKeyInfo(other).publicKey);
    expect(refused(() => importSigningKey(b, '{"format":"x"}')).code).toBe('invalid');
  });

  it('a key file readable by others is refused for signing', () => {
    const dir = temp.dir();
    const { register } = lockedRegister(keyed(dir));
    const file = join(dir, 'keys', readdirSync(join(dir, 'keys'))[0]!);
    if (process.platform === 'win32') return;
    chmodSync(file, 0o644);
    expect(signingKeyInfo(register)).toMatchObject({ canSign: false, problem: expect.stringMatching(/chmod 600/) });
  });

  it('safeStorage (Electron) keeps only ciphertext on disk and signs the same way (stand-in cipher)', () => {
    const standIn: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
      decryptString: (bytes) => Buffer.from(bytes.map((b) => b ^ 0x5a)).toString('utf8'),
    };
    const dir = temp.dir();
    const { register } = lockedRegister(temp.open({ keys: new SafeStorageKeyStore(dir, standIn) }));
    const files = readdirSync(dir);
    expect(files).toEqual([expect.stringMatching(/\.key\.enc$/)]);
    const secret = JSON.parse(exportSigningKey(register)).secretKey as string;
    expect(readFileSync(join(dir, files[0]!)).toString('latin1')).not.toContain(secret);
    expect(signingKeyInfo(register).canSign).toBe(true);
    const unavailable = temp.open({ keys: new SafeStorageKeyStore(temp.dir(), { ...standIn, isEncryptionAvailable: () => false }) });
    seedAuthority(unavailable);
    expect(signingKeyInfo(unavailable).canSign).toBe(false);
  });
});

describe('trust list in the consultant register', () => {
  function signedPackage(register: Register): AssessmentPackage {
    lockedRegister(register);
    return exportPackage(register, 1);
  }

  it('trusts the first key of an authority, then needs confirmation for another key or an unsigned package', () => {
    const authority = keyed();
    const pkg = signedPackage(authority);
    const consultant = keyed();
    importPackage(consultant, pkg);
    expect(listTrustedKeys(consultant).map((t) => t.publicKey)).toEqual([pkg.assessments.find((a) => a.lock)!.lock!.publicKey]);
    // The same package, unsigned: refused, nothing written.
    const unsigned = JSON.parse(JSON.stringify(pkg)) as AssessmentPackage;
    for (const a of unsigned.assessments) if (a.lock) (delete a.lock.signature, delete a.lock.publicKey);
    const before = rowCounts(consultant.db);
    expect(refused(() => importPackage(consultant, unsigned)).message).toMatch(/unsigned locked assessment/);
    // The same content validly signed by someone else's key: refused for the key, before any clash.
    const stranger = newSecretKey();
    const resigned = JSON.parse(JSON.stringify(pkg)) as AssessmentPackage;
    for (const a of resigned.assessments) if (a.lock) Object.assign(a.lock, { publicKey: publicKeyOf(stranger), signature: sign(stranger, 'lock', a.lock.digest) });
    const error = refused(() => importPackage(consultant, resigned));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/different key/);
    expect(rowCounts(consultant.db)).toEqual(before);
    // Confirmed with a reason, the key check passes (the clash with the existing authority then refuses it) and nothing is written.
    expect(() => importPackage(consultant, resigned, { acceptKeyChange: 'New key confirmed by phone with the MA director.' })).toThrow(/already in this register/);
    expect(rowCounts(consultant.db)).toEqual(before);
  });

  it('an update is checked like an import, but only its new locks count: a lock already held is no news', async () => {
    const authority = keyed();
    const { id } = lockedRegister(authority);
    const first = exportPackage(authority, 1);
    const oldKey = first.assessments.find((a) => a.lock)!.lock!.publicKey!;
    const consultant = keyed();
    importPackage(consultant, first);
    // The same content exported later: its one lock is held here already, so nothing needs confirming.
    const again = previewPackage(consultant, { ...first, exportedAt: '2027-01-01T00:00:00.000Z' });
    expect(again.trust).toEqual({ authorityName: first.authority.name, trusted: [{ fingerprint: fingerprint(oldKey), trustedAt: expect.any(String) }], incoming: [], unsigned: 0, needsConfirmation: false });

    // The authority moves to a new key and locks a re-assessment with it.
    const newKey = newSecretKey();
    importSigningKey(authority, keyFileText(newKey), true);
    const clone = cloneAssessment(authority, id, { title: '2027 re-assessment' });
    transitionAssessment(as(authority, SUBMITTER), clone.id, 'submitted');
    transitionAssessment(as(authority, REVIEWER), clone.id, 'reviewed');
    lockAssessment(authority, clone.id);
    const second = { ...exportPackage(authority, 1), exportedAt: '2027-02-01T00:00:00.000Z' };
    const preview = previewPackage(consultant, second);
    expect(preview.kind).toBe('update');
    expect(preview.trust).toMatchObject({ trusted: [{ fingerprint: fingerprint(oldKey) }], incoming: [{ fingerprint: fingerprint(publicKeyOf(newKey)), signers: [REVIEWER], trusted: false }], unsigned: 0, needsConfirmation: true });

    const before = rowCounts(consultant.db);
    const error = refused(() => updateFromPackage(consultant, second));
    expect([error.code, error.message]).toEqual(['conflict', expect.stringMatching(/signed with a different key \(/)]);
    expect(rowCounts(consultant.db)).toEqual(before);
    // Dispatched, the reason travels as acceptKeyChange; the key is then trusted and the reason logged.
    const env = { version: 'test', transport: 'browser' as const };
    expect(await dispatch(consultant, env, 'packages.update', { package: second, acceptKeyChange: 'New key read out by the MA director on the phone.' })).toMatchObject({ ok: true });
    expect(listTrustedKeys(consultant).map((t) => t.publicKey).sort()).toEqual([oldKey, publicKeyOf(newKey)].sort());
    const override = listAudit(consultant).find((row) => row.action === 'override' && row.entity === 'key')!;
    expect(override.justification).toBe('New key read out by the MA director on the phone.');
    expect(verifyAudit(consultant).ok).toBe(true);
  });
});
