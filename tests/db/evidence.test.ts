import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit.js';
import { createAuthority } from '../../db/authorities.js';
import { createControl } from '../../db/controls.js';
import { RegisterError } from '../../db/errors.js';
import { MAX_EVIDENCE_BYTES, addEvidence, deleteEvidence, getEvidence, listEvidence, readEvidenceFile } from '../../db/evidence.js';
import { closeRegister, openRegister, type Register } from '../../db/register.js';
import { FIXED_NOW, fixedClock, rowCounts, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function withControl(register: Register): number {
  const authority = createAuthority(register, { name: 'Authority' });
  return createControl(register, authority.id, { family: 'e_permitting', title: 'E-permits', maturity: 3 }).id;
}

describe('evidence files', () => {
  it("stores the file's SHA-256 and size as node:crypto computes them, and gives back identical bytes", () => {
    const register = temp.open();
    const controlId = withControl(register);
    const bytes = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    const row = addEvidence(register, controlId, { title: 'Audit-trail export', date: '2026-06-30' }, { name: 'trail.csv', content: bytes, mediaType: 'text/csv' });
    expect(row).toMatchObject({
      controlId,
      title: 'Audit-trail export',
      date: '2026-06-30',
      expiry: null,
      fileName: 'trail.csv',
      fileSha256: sha256(bytes),
      fileSize: 4096,
      mediaType: 'text/csv',
      createdAt: FIXED_NOW,
    });
    const back = readEvidenceFile(register, row.id);
    expect(back).not.toBeNull();
    expect(Buffer.compare(back!, Buffer.from(bytes))).toBe(0);
    expect(sha256(back!)).toBe(row.fileSha256);

    const audit = listAudit(register, { entity: 'evidence', entityId: row.uid });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.newValue!).file).toEqual({ name: 'trail.csv', sha256: sha256(bytes), size: 4096, mediaType: 'text/csv' });
  });

  it('keeps the bytes after the register is closed and reopened', () => {
    const file = temp.path();
    let register = openRegister(file, { now: fixedClock });
    const controlId = withControl(register);
    const bytes = Buffer.from('%PDF-1.7\nnot really a pdf\n\u0000\u00ff binary tail', 'latin1');
    const id = addEvidence(register, controlId, { title: 'Policy', date: '2026-01-01' }, { name: 'policy.pdf', content: bytes }).id;
    closeRegister(register);
    register = openRegister(file, { now: fixedClock, mustExist: true });
    try {
      expect(readEvidenceFile(register, id)!.equals(bytes)).toBe(true);
      expect(getEvidence(register, id).fileSha256).toBe(sha256(bytes));
    } finally {
      closeRegister(register);
    }
  });

  it('stores an empty file with the SHA-256 of nothing', () => {
    const register = temp.open();
    const row = addEvidence(register, withControl(register), { title: 'Empty', date: '2026-01-01' }, { name: 'empty.txt', content: new Uint8Array(0) });
    expect(row.fileSha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(row.fileSize).toBe(0);
    expect(readEvidenceFile(register, row.id)!.length).toBe(0);
  });

  it('stores and reads back a 50 MB file with the right hash', () => {
    const register = temp.open();
    const controlId = withControl(register);
    const big = Buffer.alloc(50 * 1024 * 1024, 7);
    const expected = sha256(big);
    const row = addEvidence(register, controlId, { title: 'Scanned permit archive', date: '2026-05-01' }, { name: 'archive.bin', content: big });
    expect(row.fileSize).toBe(50 * 1024 * 1024);
    expect(row.fileSha256).toBe(expected);
    const back = readEvidenceFile(register, row.id)!;
    expect(back.length).toBe(big.length);
    expect(sha256(back)).toBe(expected);
  });

  it(`refuses a file over MAX_EVIDENCE_BYTES (${MAX_EVIDENCE_BYTES}) with 'invalid', writing nothing`, () => {
    const register = temp.open();
    const controlId = withControl(register);
    const before = rowCounts(register.db);
    const tooBig = Buffer.allocUnsafe(MAX_EVIDENCE_BYTES + 1);
    let caught: unknown;
    try {
      addEvidence(register, controlId, { title: 'Too big', date: '2026-05-01' }, { name: 'huge.bin', content: tooBig });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegisterError);
    expect((caught as RegisterError).code).toBe('invalid');
    expect((caught as RegisterError).message).toContain('huge.bin');
    expect(rowCounts(register.db)).toEqual(before);
  });

  it('records metadata only (no bytes) when given a file hash from a package', () => {
    const register = temp.open();
    const meta = { name: 'declaration.pdf', sha256: 'c'.repeat(64), size: 2048, mediaType: 'application/pdf' };
    const row = addEvidence(register, withControl(register), { title: 'Declaration', date: '2026-02-01' }, meta);
    expect(row).toMatchObject({ fileName: 'declaration.pdf', fileSha256: 'c'.repeat(64), fileSize: 2048, mediaType: 'application/pdf' });
    expect(readEvidenceFile(register, row.id)).toBeNull();
  });

  it('records evidence without a file, and lists newest first', () => {
    const register = temp.open();
    const controlId = withControl(register);
    const older = addEvidence(register, controlId, { title: 'Older', date: '2025-01-01' });
    const newer = addEvidence(register, controlId, { title: 'Newer', date: '2026-01-01', expiry: '2027-01-01' });
    expect(older).toMatchObject({ fileName: null, fileSha256: null, fileSize: null });
    expect(readEvidenceFile(register, older.id)).toBeNull();
    expect(listEvidence(register, controlId).map((e) => e.id)).toEqual([newer.id, older.id]);
  });

  it('deleting evidence removes its bytes and is audited', () => {
    const register = temp.open();
    const row = addEvidence(register, withControl(register), { title: 'Gone', date: '2026-01-01' }, { name: 'g.bin', content: new Uint8Array([1]) });
    deleteEvidence(register, row.id);
    expect(readEvidenceFile(register, row.id)).toBeNull();
    expect(() => getEvidence(register, row.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(listAudit(register, { entity: 'evidence', entityId: row.uid }).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it("evidence for a missing control is refused with 'not_found' and writes nothing", () => {
    const register = temp.open();
    withControl(register);
    const before = rowCounts(register.db);
    expect(() => addEvidence(register, 999, { title: 'Orphan', date: '2026-01-01' }, { name: 'o.bin', content: new Uint8Array([1]) })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(rowCounts(register.db)).toEqual(before);
  });
});
