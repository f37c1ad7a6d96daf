import { z } from 'zod';
import { OBLIGATION_LEVELS } from '../domain/vocabulary.js';

/** Ids are short, stable, machine-readable words: they end up in packages and snapshots. */
export const slugId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores');
const text = z.string().trim().min(1, 'must not be empty');
const level = z.int().min(0).max(4);

export const stageSchema = z.object({ id: slugId, title: text, description: text });
export const riskTypeSchema = z.object({ id: slugId, title: text, uncacArticle: z.string().nullable(), description: text });

export const familySchema = z.object({
  id: slugId,
  title: text,
  core: z.boolean(),
  description: text,
  /** Permit-chain stages and risk types a control of this family covers unless it says otherwise. */
  stages: z.array(slugId),
  riskTypes: z.array(slugId),
  /** Shown as the remedy whenever a gap points to this family. */
  recommendation: text,
});

export const chainProfileSchema = z.object({
  likelihoodByStage: z.record(z.string(), z.int().min(1).max(5)),
  impactByRiskType: z.record(z.string(), z.int().min(1).max(5)),
});

/** The library base: vocabulary shared by every framework. */
export const libraryBaseSchema = z.object({
  kind: z.literal('permit-integrity/library'),
  version: text,
  families: z.array(familySchema).min(1),
  stages: z.array(stageSchema).min(1),
  riskTypes: z.array(riskTypeSchema).min(1),
  chainProfile: chainProfileSchema,
});

export const criterionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.()_\-]*$/, 'must be a paragraph-like id such as 7.1(b)'),
  article: text,
  paragraph: text,
  obligation: z.enum(OBLIGATION_LEVELS),
  title: text,
  text: text,
  /** What maturity 0, 1, 2, 3 and 4 look like in a CITES Management Authority. */
  guidance: z.array(text).length(5, 'needs exactly five entries, one per maturity level 0-4'),
  weight: z.int().min(1).max(3),
  target: level,
  applicable: z.boolean(),
  notApplicableReason: z.string().nullable(),
  /** Each facet is a set of families; every facet must be present for the criterion to be met. */
  facets: z.array(z.array(slugId).min(1, 'a facet needs at least one family')).min(1, 'needs at least one facet'),
  stages: z.array(slugId),
  /**
   * PI-1.3: the chain risk type whose offence this criterion establishes in law
   * (an "offence criterion"); absent for every other criterion.
   */
  riskType: slugId.optional(),
});

export const articleSchema = z.object({ id: text, title: text });

export const frameworkSchema = z.object({
  kind: z.literal('permit-integrity/framework'),
  id: z.string().regex(/^[a-z][a-z0-9_\-]*$/, 'must be lower-case letters, digits, dashes and underscores'),
  version: text,
  title: text,
  source: text,
  scoredByDefault: z.boolean(),
  /**
   * PI-1.3: scored as its own section, outside the overall score (the legal
   * framework pack); absent or false means its criteria join the overall pool.
   */
  scoredSeparately: z.boolean().optional(),
  articles: z.array(articleSchema).min(1),
  /** Extra families a custom framework brings; built-in families need not be repeated. */
  families: z.array(familySchema).default([]),
  criteria: z.array(criterionSchema).min(1),
});

export type Stage = z.infer<typeof stageSchema>;
export type RiskType = z.infer<typeof riskTypeSchema>;
export type Family = z.infer<typeof familySchema>;
export type ChainProfile = z.infer<typeof chainProfileSchema>;
export type LibraryBase = z.infer<typeof libraryBaseSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
