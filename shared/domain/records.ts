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

/** One row of a controls sheet and what importing it does; `line` is the file's line (header = 1). */
export interface ControlImportRow {
  line: number;
  uid: string | null;
  title: string;
  action: 'create' | 'update' | 'unchanged' | 'rejected';
  problems: Array<{ field: string; message: string }>;
}

export interface ControlImportPlan {
  headers: string[];
  /** Column index per field (see shared/import/control-mapping.ts); null: not in the file. */
  mapping: Record<string, number | null>;
  /** What is wrong with the mapping itself (a required field without a column…); rows are only read once it is empty. */
  mappingProblems: string[];
  rows: ControlImportRow[];
  counts: { create: number; update: number; unchanged: number; rejected: number };
}

/** What updating an authority from a newer package of it would change; nothing is written to show it. */
export interface PackageUpdatePlan {
  authorityId: number;
  authorityUid: string;
  name: string;
  /** When the package already in the register and the incoming one were exported. */
  heldExportedAt: string;
  incomingExportedAt: string;
  authorityChanged: string[];
  controls: { added: string[]; changed: string[]; removed: string[] };
  evidence: { added: number; changed: number; removed: number };
  assessments: {
    added: Array<{ uid: string; title: string; status: string }>;
    changed: Array<{ uid: string; title: string; from: string; to: string }>;
    removed: Array<{ uid: string; title: string; status: string }>;
    /** Locked assessments held here and in the package, kept exactly as they are. */
    locksKept: Array<{ uid: string; title: string; digest: string }>;
    /** Drafts here that arrive locked, and new locked assessments. */
    newLocks: Array<{ uid: string; title: string; digest: string }>;
  };
  frameworks: number;
}

/**
 * A package's signing keys against the trust list, before anything is written.
 * Only the locks this register does not already hold count: a lock kept
 * exactly as held was accepted before and is no news.
 */
export interface PackageTrust {
  authorityName: string;
  /** The keys trusted for this authority so far (empty: the package's keys will be trusted on first use). */
  trusted: Array<{ fingerprint: string; trustedAt: string }>;
  /** The keys that signed the package's new locks, with who signed. */
  incoming: Array<{ fingerprint: string; signers: string[]; trusted: boolean }>;
  /** New locks that carry no signature. */
  unsigned: number;
  /** A trusted authority under another key, or with unsigned locks: the import needs a confirmed, logged reason. */
  needsConfirmation: boolean;
}

/** What a package file would do to this register: a new authority, or an update of one it holds. */
export type PackagePreview =
  | { kind: 'new'; name: string; authorityUid: string; exportedAt: string; controls: number; evidence: number; assessments: number; trust: PackageTrust }
  | ({ kind: 'update'; trust: PackageTrust } & PackageUpdatePlan);
