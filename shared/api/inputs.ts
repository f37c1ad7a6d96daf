import { z } from 'zod';
import { API_METHODS, type ApiMethod } from './methods.js';
import { applicabilityInput, assessmentInput, authorityInput, chainCellInput, controlInput, evidenceInput, overrideInput, recordId } from '../domain/inputs.js';
import { isoDate } from '../snapshot/schema.js';
import { PORTFOLIO_DOCUMENTS, PORTFOLIO_FORMATS, REPORT_FORMATS, REPORT_TABLES } from '../report/formats.js';
import { MIN_K } from '../portfolio/types.js';

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const none = z.strictObject({});
/** A reason written to the audit log. */
const justification = z.string().trim().min(1, 'a justification is required').max(10_000);
const id = z.strictObject({ id: recordId });
const authorityId = z.strictObject({ authorityId: recordId });
const criterion = { id: recordId, criterionId: z.string().min(1).max(50) };
/** Evidence files travel as base64 so that IPC and HTTP carry the same JSON. */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64').max(140 * 1024 * 1024, 'file too large');

/** The input schema of every API method: the one validation every transport applies. */
export const API_INPUTS = {
  'app.info': none,
  'settings.get': none,
  'settings.set': z.strictObject({ actor: z.string().trim().min(1).max(200).optional(), language: z.enum(LANGUAGES).optional() }),
  'library.get': none,
  'authorities.list': none,
  'authorities.create': authorityInput.strict(),
  'authorities.update': z.strictObject({ id: recordId, authority: authorityInput.strict() }),
  'controls.list': z.strictObject({ authorityId: recordId, asOf: isoDate }),
  'controls.create': z.strictObject({ authorityId: recordId, control: controlInput.strict() }),
  'controls.update': z.strictObject({ id: recordId, control: controlInput.strict() }),
  'controls.delete': id,
  'evidence.list': z.strictObject({ controlId: recordId }),
  'evidence.add': z.strictObject({
    controlId: recordId,
    evidence: evidenceInput,
    file: z.strictObject({ name: z.string().trim().min(1).max(255), mediaType: z.string().max(255).nullable(), contentBase64: base64 }).nullable(),
  }),
  'evidence.delete': id,
  'evidence.file': id,
  'assessments.list': authorityId,
  'assessments.create': z.strictObject({ authorityId: recordId, assessment: assessmentInput.strict() }),
  'assessments.get': id,
  'assessments.update': z.strictObject({ id: recordId, title: z.string().trim().min(1).max(300).optional(), asOf: isoDate.optional(), notes: z.string().max(100_000).optional() }),
  'assessments.setOverride': z.strictObject({ ...criterion, override: overrideInput.nullable() }),
  'assessments.setApplicability': z.strictObject({ ...criterion, applicability: applicabilityInput.nullable() }),
  'assessments.setNotes': z.strictObject({ ...criterion, notes: z.string().max(100_000) }),
  'assessments.setChainCell': z.strictObject({ id: recordId, cell: chainCellInput.strict() }),
  'assessments.transition': z.strictObject({ id: recordId, to: z.enum(['submitted', 'reviewed', 'draft']), justification: z.string().max(10_000).optional(), fourEyesOverride: justification.optional() }),
  'assessments.lock': z.strictObject({ id: recordId, fourEyesOverride: justification.optional() }),
  'assessments.clone': z.strictObject({ id: recordId, title: z.string().trim().min(1).max(300).optional(), asOf: isoDate.optional() }),
  'assessments.compare': z.strictObject({ fromId: recordId, toId: recordId }),
  'audit.list': z.strictObject({ limit: z.int().min(1).max(10_000).default(500), beforeId: recordId.optional() }),
  'audit.verify': none,
  'packages.export': authorityId,
  'packages.import': z.strictObject({ package: z.unknown(), acceptKeyChange: justification.optional() }),
  'register.backup': none,
  'reports.data': z.strictObject({ id: recordId }),
  'reports.export': z.strictObject({ id: recordId, format: z.enum(REPORT_FORMATS), language: z.enum(LANGUAGES), table: z.enum(REPORT_TABLES).optional() }),
  'portfolio.get': z.strictObject({ k: z.int().min(MIN_K).max(1000).optional(), includeOwn: z.boolean().optional() }),
  'portfolio.export': z.strictObject({ document: z.enum(PORTFOLIO_DOCUMENTS), format: z.enum(PORTFOLIO_FORMATS), language: z.enum(LANGUAGES), k: z.int().min(MIN_K).max(1000).optional(), includeOwn: z.boolean().optional() }),
  'trust.head': none,
  'trust.checkHead': z.strictObject({ head: z.string().regex(/^\d{1,12}:[0-9a-f]{64}$/, 'must be COUNT:HASH') }),
  'trust.key': none,
  'trust.exportKey': none,
  'trust.importKey': z.strictObject({ keyFile: z.string().min(1).max(10_000), confirm: z.boolean().optional() }),
  'trust.list': none,
  'trust.fourEyes': z.strictObject({ required: z.boolean(), justification: justification.optional() }),
} as const satisfies Record<ApiMethod, z.ZodType>;

export type ApiInput<M extends ApiMethod> = z.input<(typeof API_INPUTS)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof API_INPUTS)[M]>;

// Compile-time check that the input map and the method list agree in both directions.
const _everyMethodHasInput: readonly (keyof typeof API_INPUTS)[] = API_METHODS;
void _everyMethodHasInput;
