import { PACKAGE_FORMAT, PACKAGE_VERSION, type AssessmentPackage } from '../shared/package/schema.js';
import { snapshotSchema } from '../shared/snapshot/schema.js';
import { listChainInputs, listCriterionInputs } from './assessment-inputs.js';
import { listAssessments } from './assessments.js';
import { getAuthority } from './authorities.js';
import { listControls } from './controls.js';
import { listEvidenceForAuthority } from './evidence.js';
import { listCustomFrameworks } from './frameworks.js';
import type { Register } from './register.js';
import { listActions } from './actions.js';
import { listComments } from './comments.js';
import { auditHead, formatHead } from './audit-head.js';

export const GENERATOR = 'permit-integrity 0.1.0';

/**
 * One authority, its register (evidence as metadata with hashes, not bytes) and
 * every assessment with all inputs; custom frameworks in use are embedded.
 */
export function exportPackage(register: Register, authorityId: number): AssessmentPackage {
  const authority = getAuthority(register, authorityId);
  const evidence = listEvidenceForAuthority(register, authorityId);
  const assessments = listAssessments(register, authorityId);
  const used = new Set(assessments.flatMap((a) => a.frameworks));
  const snapshotOf = register.db.prepare('SELECT snapshot, signature, signer_key AS signerKey, signer_name AS signerName, lock_head AS lockHead FROM assessments WHERE id = ?');
  const controlUids = new Set(listControls(register, authorityId).map((c) => c.uid));
  const head = formatHead(auditHead(register));
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    exportedAt: register.now(),
    generator: GENERATOR,
    authority: {
      uid: authority.uid,
      name: authority.name,
      country: authority.country,
      level: authority.level,
      notes: authority.notes,
      createdAt: authority.createdAt,
    },
    controls: listControls(register, authorityId).map((control) => ({
      uid: control.uid,
      family: control.family,
      title: control.title,
      description: control.description,
      owner: control.owner,
      maturity: control.maturity,
      lastReviewed: control.lastReviewed,
      stages: control.stages,
      riskTypes: control.riskTypes,
      createdAt: control.createdAt,
      updatedAt: control.updatedAt,
      evidence: evidence
        .filter((e) => e.controlId === control.id)
        .map((e) => ({
          uid: e.uid,
          title: e.title,
          date: e.date,
          expiry: e.expiry,
          file: e.fileName && e.fileSha256 ? { name: e.fileName, sha256: e.fileSha256, size: e.fileSize ?? 0, mediaType: e.mediaType } : null,
          createdAt: e.createdAt,
        })),
    })),
    assessments: assessments.map((a) => {
      const row = a.status === 'locked' ? (snapshotOf.get(a.id) as LockRow) : null;
      const stored = row?.snapshot ?? null;
      return {
        uid: a.uid,
        title: a.title,
        asOf: a.asOf,
        status: a.status,
        frameworks: a.frameworks,
        methodology: 'PI-1' as const,
        methodologyVersion: a.methodologyVersion,
        clonedFrom: a.clonedFrom,
        notes: a.notes,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        submittedAt: a.submittedAt,
        reviewedAt: a.reviewedAt,
        lockedAt: a.lockedAt,
        criteria: listCriterionInputs(register, a.id),
        chain: listChainInputs(register, a.id),
        ...(a.submittedBy ? { submittedBy: a.submittedBy } : {}),
        ...(a.reviewedBy ? { reviewedBy: a.reviewedBy } : {}),
        ...(a.lockedBy ? { lockedBy: a.lockedBy } : {}),
        lock: stored && a.digest ? { digest: a.digest, snapshot: snapshotSchema.parse(JSON.parse(stored)), ...lockExtras(row!) } : null,
        // A linked control deleted since is dropped, so the package stays importable.
        actions: listActions(register, a.id).map(({ id: _id, assessmentId: _assessment, ...action }) => ({ ...action, controlUids: action.controlUids.filter((uid) => controlUids.has(uid)) })),
        comments: listComments(register, a.id).map((c) => ({ uid: c.uid, thread: { type: c.threadType, id: c.threadId }, kind: c.kind, author: c.author, body: c.body, createdAt: c.createdAt })),
      };
    }),
    frameworks: listCustomFrameworks(register).filter((f) => used.has(f.id)),
    auditHead: head,
  };
}

interface LockRow {
  snapshot: string;
  signature: string | null;
  signerKey: string | null;
  signerName: string | null;
  lockHead: string | null;
}

/** Signature and head travel only when the lock has them, so older locks keep their exact shape. */
function lockExtras(row: LockRow) {
  return {
    ...(row.signature && row.signerKey ? { signature: row.signature, publicKey: row.signerKey, ...(row.signerName ? { signer: row.signerName } : {}) } : {}),
    ...(row.lockHead ? { auditHead: row.lockHead } : {}),
  };
}
