import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { OBLIGATION_LEVELS } from '../domain/vocabulary.js';

/**
 * The assessment snapshot: everything PI-1 needs to compute a result, and
 * nothing else. Locking stores its canonical JSON and digest, so the same
 * snapshot scores the same forever, whatever the library or clock says later.
 */
export const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');
export const maturity = z.int().min(0).max(4);
const id = z.string().min(1);

export const snapshotEvidenceSchema = z.strictObject({
  uid: id,
  title: z.string(),
  date: isoDate,
  expiry: isoDate.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  size: z.int().min(0).nullable(),
});

export const snapshotControlSchema = z.strictObject({
  uid: id,
  family: id,
  title: z.string(),
  maturity,
  lastReviewed: isoDate.nullable(),
  stages: z.array(id),
  riskTypes: z.array(id),
  evidence: z.array(snapshotEvidenceSchema),
});

export const justified = z.string().trim().min(1, 'a justification is required');

export const criterionInputSchema = z.strictObject({
  criterionId: id,
  override: z.strictObject({ maturity, justification: justified }).nullable(),
  applicability: z.strictObject({ applicable: z.boolean(), justification: justified }).nullable(),
  notes: z.string(),
});

export const chainInputSchema = z.strictObject({
  stage: id,
  riskType: id,
  likelihood: z.int().min(1).max(5),
  impact: z.int().min(1).max(5),
});

export const snapshotCriterionSchema = z.strictObject({
  id,
  frameworkId: id,
  article: id,
  paragraph: z.string(),
  obligation: z.enum(OBLIGATION_LEVELS),
  title: z.string(),
  weight: z.int().min(1).max(3),
  target: maturity,
  applicable: z.boolean(),
  notApplicableReason: z.string().nullable(),
  facets: z.array(z.array(id).min(1)).min(1),
  stages: z.array(id),
  /** PI-1.3: only on offence criteria, so snapshots without them keep their bytes. */
  riskType: id.optional(),
});

export const snapshotFamilySchema = z.strictObject({
  id,
  title: z.string(),
  core: z.boolean(),
  stages: z.array(id),
  riskTypes: z.array(id),
  recommendation: z.string(),
});

const labelled = z.strictObject({ id, title: z.string() });

const count = z.int().min(0);

/**
 * PI-1.2: the permit-data counts the chain was scored with. Optional, and
 * absent when the authority has no analysed permit data, so snapshots taken
 * before PI-1.2 (and their digests) stay exactly as they were.
 */
export const permitSignalsSchema = z.strictObject({
  /** The analysis run the counts come from, and the SHA-256 of its input files. */
  analysis: z.strictObject({ uid: id, inputDigest: z.string().regex(/^[0-9a-f]{64}$/), analysedAt: z.string() }),
  window: z.strictObject({ from: isoDate, to: isoDate }),
  cells: z.array(z.strictObject({ stage: id, riskType: id, flagged: count, handled: count.min(1) }).refine((c) => c.flagged <= c.handled, 'flagged permits cannot exceed handled permits')),
});

export const snapshotSchema = z.strictObject({
  methodology: z.literal('PI-1'),
  asOf: isoDate,
  authority: z.strictObject({ uid: id, name: z.string() }),
  assessment: z.strictObject({ uid: id, title: z.string() }),
  /** scoredSeparately (PI-1.3) is written only when true, so older snapshots keep their bytes. */
  frameworks: z.array(z.strictObject({ id, version: z.string(), title: z.string(), scoredSeparately: z.literal(true).optional() })).min(1),
  articles: z.array(z.strictObject({ frameworkId: id, id, title: z.string() })),
  families: z.array(snapshotFamilySchema),
  stages: z.array(labelled),
  riskTypes: z.array(labelled),
  criteria: z.array(snapshotCriterionSchema),
  controls: z.array(snapshotControlSchema),
  criterionInputs: z.array(criterionInputSchema),
  chain: z.array(chainInputSchema),
  permitSignals: permitSignalsSchema.optional(),
});

export type SnapshotEvidence = z.infer<typeof snapshotEvidenceSchema>;
export type SnapshotControl = z.infer<typeof snapshotControlSchema>;
export type CriterionInput = z.infer<typeof criterionInputSchema>;
export type ChainInput = z.infer<typeof chainInputSchema>;
export type SnapshotCriterion = z.infer<typeof snapshotCriterionSchema>;
export type SnapshotFamily = z.infer<typeof snapshotFamilySchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type PermitSignals = z.infer<typeof permitSignalsSchema>;
