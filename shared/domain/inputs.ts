import { z } from 'zod';
import { slugId } from '../library/schema.js';
import { isoDate, maturity, justified } from '../snapshot/schema.js';

/**
 * What a user may send to change the register. Every entry point (CLI, IPC,
 * HTTP, import) validates with these, so the rules live in one place.
 */
const name = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
export const recordId = z.int().positive();

export const authorityInput = z.object({
  name,
  country: z.string().trim().max(200).default(''),
  level: z.enum(['national', 'subnational']).default('national'),
  notes: z.string().max(100_000).default(''),
});

export const controlInput = z.object({
  family: slugId,
  title: name,
  description: z.string().max(10_000).default(''),
  owner: z.string().trim().max(300).default(''),
  maturity,
  lastReviewed: isoDate.nullable().default(null),
  /** null: cover the family's default stages / risk types. */
  stages: z.array(slugId).nullable().default(null),
  riskTypes: z.array(slugId).nullable().default(null),
});

export const evidenceInput = z
  .object({
    title: name,
    date: isoDate,
    expiry: isoDate.nullable().default(null),
  })
  .refine((e) => e.expiry === null || e.expiry >= e.date, { message: 'must not be before the evidence date', path: ['expiry'] });

export const assessmentInput = z.object({
  title: name,
  asOf: isoDate,
  /** Framework ids; empty means the library's default (UNCAC 7 and 12). */
  frameworks: z.array(z.string().min(1)).default([]),
});

export const overrideInput = z.object({ maturity, justification: justified });
export const applicabilityInput = z.object({ applicable: z.boolean(), justification: justified });
export const chainCellInput = z.object({
  stage: slugId,
  riskType: slugId,
  likelihood: z.int().min(1).max(5),
  impact: z.int().min(1).max(5),
});

export type AuthorityInput = z.input<typeof authorityInput>;
export type ControlInput = z.input<typeof controlInput>;
export type EvidenceInput = z.input<typeof evidenceInput>;
export type AssessmentInput = z.input<typeof assessmentInput>;

/** The first-run guided set-up: the authority, its people, the first as-of date, a control per core family described. */
export const firstRunSetup = z.strictObject({
  authority: authorityInput.strict(),
  users: z.array(z.string().trim().min(1, 'must not be empty').max(200)).min(1, 'name at least one person').max(20),
  asOf: isoDate,
  assessmentTitle: name,
  controls: z.array(controlInput.strict()).max(20),
});
export type FirstRunSetup = z.input<typeof firstRunSetup>;
