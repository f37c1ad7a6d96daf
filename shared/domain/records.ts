import type { AssessmentStatus, Maturity } from './vocabulary.js';

/**
 * The register's records as every layer sees them: the store returns them,
 * the API carries them, the UI shows them. Defined once, here.
 */
export interface AuthorityRecord {
  id: number;
  uid: string;
  name: string;
  country: string;
  level: 'national' | 'subnational';
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ControlRecord {
  id: number;
  uid: string;
  authorityId: number;
  family: string;
  title: string;
  description: string;
  owner: string;
  maturity: Maturity;
  lastReviewed: string | null;
  /** null: the family's default stages / risk types. */
  stages: string[] | null;
  riskTypes: string[] | null;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceRecord {
  id: number;
  uid: string;
  controlId: number;
  title: string;
  date: string;
  expiry: string | null;
  fileName: string | null;
  fileSha256: string | null;
  fileSize: number | null;
  mediaType: string | null;
  createdAt: string;
}

export interface AssessmentRecord {
  id: number;
  uid: string;
  authorityId: number;
  title: string;
  asOf: string;
  status: AssessmentStatus;
  frameworks: string[];
  methodology: string;
  methodologyVersion: string;
  clonedFrom: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  lockedAt: string | null;
  digest: string | null;
  /** Who did each step (the audit actor at the time), for the four-eyes rule. */
  submittedBy: string | null;
  reviewedBy: string | null;
  lockedBy: string | null;
  /** The Ed25519 public key (hex) that signed the lock, or null when the lock is unsigned. */
  signerKey: string | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  justification: string | null;
  prevHash: string;
  hash: string;
}

/** `problem` names the failure for any language; `reason` says it in English. */
export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBadId: number; problem: 'broken-link' | 'content-mismatch'; reason: string };

export interface ImportSummary {
  authorityId: number;
  authorityUid: string;
  name: string;
  controls: number;
  evidence: number;
  assessments: number;
  frameworks: number;
}
