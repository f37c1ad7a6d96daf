import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../domain/vocabulary.js';
import { frameworkSchema, slugId } from '../library/schema.js';
import { chainInputSchema, criterionInputSchema, isoDate, maturity, snapshotSchema } from '../snapshot/schema.js';
import { ACTION_STATUSES } from '../actions/actions.js';
import { COMMENT_KINDS, THREAD_TYPES, MAX_COMMENT_LENGTH } from '../comments/comments.js';
import { SEVERITIES } from '../domain/vocabulary.js';

/**
 * Assessment package, format version 1: one authority with its register and
 * assessments, as exchanged between an authority and a consultant. The JSON
 * Schema in docs/package-v1.schema.json is generated from this definition.
 */
export const PACKAGE_FORMAT = 'permit-integrity/package' as const;
export const PACKAGE_VERSION = 1 as const;

const uid = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$/, 'must be 1-64 letters, digits, dashes or underscores');
const timestamp = z.iso.datetime({ offset: true });
const name = z.string().trim().min(1, 'must not be empty').max(300);
const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `must be ${length} lower-case hex digits`);
/** `COUNT:HASH`: how many rows the exporting register's audit log had, and the last row's hash. */
export const auditHeadText = z.string().regex(/^\d{1,12}:[0-9a-f]{64}$/, 'must be COUNT:HASH (row count, colon, 64 hex digits)');
const actor = z.string().trim().min(1).max(300).nullable().optional();

export const evidenceFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  size: z.int().min(0),
  mediaType: z.string().max(255).nullable(),
});

export const packageEvidenceSchema = z.strictObject({
  uid,
  title: name,
  date: isoDate,
  expiry: isoDate.nullable(),
  file: evidenceFileSchema.nullable(),
  createdAt: timestamp,
});

export const packageControlSchema = z.strictObject({
  uid,
  family: slugId,
  title: name,
  description: z.string().max(10_000),
  owner: z.string().max(300),
  maturity,
  lastReviewed: isoDate.nullable(),
  stages: z.array(slugId).nullable(),
  riskTypes: z.array(slugId).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  evidence: z.array(packageEvidenceSchema),
});

/** An action of the assessment's plan (added after format 1 was first published: optional, so older packages import unchanged). */
export const packageActionSchema = z
  .strictObject({
    uid,
    flagKey: z.string().min(1).max(300),
    flagKind: z.string().min(1).max(100),
    severity: z.enum(SEVERITIES),
    subjectLabel: z.string().max(1000),
    title: name.max(500),
    owner: z.string().max(300),
    due: isoDate.nullable(),
    status: z.enum(ACTION_STATUSES),
    justification: z.string().max(10_000),
    controlUids: z.array(uid).max(200),
    notes: z.string().max(100_000),
    carriedFrom: uid.nullable(),
    carriedTo: uid.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .refine((a) => a.status !== 'accepted-risk' || a.justification.trim().length > 0, { message: 'accepting the risk needs a justification', path: ['justification'] });

/** A comment of one of the assessment's threads (optional, as above). */
export const packageCommentSchema = z.strictObject({
  uid,
  thread: z.strictObject({ type: z.enum(THREAD_TYPES), id: z.string().max(200) }),
  kind: z.enum(COMMENT_KINDS),
  author: z.string().min(1).max(300),
  body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
  createdAt: timestamp,
});

export const packageAssessmentSchema = z.strictObject({
  uid,
  title: name,
  asOf: isoDate,
  status: z.enum(ASSESSMENT_STATUSES),
  frameworks: z.array(z.string().min(1)).min(1),
  methodology: z.literal('PI-1'),
  methodologyVersion: z.string().min(1),
  clonedFrom: uid.nullable(),
  notes: z.string().max(100_000),
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedAt: timestamp.nullable(),
  reviewedAt: timestamp.nullable(),
  lockedAt: timestamp.nullable(),
  criteria: z.array(criterionInputSchema),
  chain: z.array(chainInputSchema),
  /** Who submitted, reviewed and locked it (absent in packages from before the four-eyes rule). */
  submittedBy: actor,
  reviewedBy: actor,
  lockedBy: actor,
  lock: z
    .strictObject({
      digest: z.string().regex(/^[0-9a-f]{64}$/),
      snapshot: snapshotSchema,
      /** Ed25519 signature of the digest by the authority's key; absent when the lock is unsigned. */
      signature: hex(128).optional(),
      publicKey: hex(64).optional(),
      signer: z.string().max(300).optional(),
      /** The audit head of the register just before the lock was written. */
      auditHead: auditHeadText.optional(),
    })
    .nullable(),
  actions: z.array(packageActionSchema).default([]),
  comments: z.array(packageCommentSchema).default([]),
});

export const packageSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  exportedAt: timestamp,
  generator: z.string(),
  authority: z.strictObject({
    uid,
    name,
    country: z.string().max(200),
    level: z.enum(['national', 'subnational']),
    notes: z.string().max(100_000),
    createdAt: timestamp,
  }),
  controls: z.array(packageControlSchema),
  assessments: z.array(packageAssessmentSchema),
  /** Custom frameworks the assessments use, embedded so the package scores anywhere. */
  frameworks: z.array(frameworkSchema),
  /** The exporting register's audit head at export time (keep it to detect a cut log later). */
  auditHead: auditHeadText.optional(),
});

export type AssessmentPackage = z.infer<typeof packageSchema>;
export type PackageControl = z.infer<typeof packageControlSchema>;
export type PackageEvidence = z.infer<typeof packageEvidenceSchema>;
export type PackageAssessment = z.infer<typeof packageAssessmentSchema>;
export type PackageAction = z.infer<typeof packageActionSchema>;
export type PackageComment = z.infer<typeof packageCommentSchema>;
