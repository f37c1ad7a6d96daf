import { z } from 'zod';
import { authorityInput, controlInput, evidenceInput, recordId } from '../../domain/inputs.js';
import type { AuthorityRecord, ControlImportPlan, ControlRecord, EvidenceRecord, ImportSummary, PackagePreview, PackageUpdatePlan } from '../../domain/records.js';
import { CONTROL_FIELDS } from '../../import/control-mapping.js';
import type { ExportedFile } from '../../report/formats.js';
import type { AssessmentPackage } from '../../package/schema.js';
import { isoDate } from '../../snapshot/schema.js';
import { entry } from '../entry.js';
import { CONTROL_SORT_COLUMNS } from '../../register/control-query.js';
import { LANGUAGES } from '../languages.js';
import type { ControlListItem, ControlWindow, EvidenceFileContent } from '../results.js';

const id = z.strictObject({ id: recordId });
/** Evidence files travel as base64 so that IPC and HTTP carry the same JSON. */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64').max(140 * 1024 * 1024, 'file too large');

/** A spreadsheet of controls, CSV or XLSX, as base64 (at most 20 MB). */
const sheetFile = z.strictObject({ name: z.string().trim().min(1).max(255), contentBase64: base64.max(28 * 1024 * 1024, 'file too large (at most 20 MB)') });
const mapping = z.strictObject(Object.fromEntries(CONTROL_FIELDS.map((f) => [f, z.int().min(0).max(500).nullable()])) as Record<(typeof CONTROL_FIELDS)[number], z.ZodNullable<z.ZodInt>>);

/** Authorities, their controls and evidence, and assessment packages. */
export const registerContract = {
  'authorities.list': entry<AuthorityRecord[]>()(z.strictObject({})),
  'authorities.create': entry<AuthorityRecord>()(authorityInput.strict()),
  'authorities.update': entry<AuthorityRecord>()(z.strictObject({ id: recordId, authority: authorityInput.strict() })),
  /** confirmName: the authority's name, typed by the user to confirm. */
  'authorities.delete': entry<{ deleted: number; name: string; backup: string }>()(z.strictObject({ id: recordId, confirmName: z.string().max(300) })),
  /** A window of the register, filtered and sorted on the server: the screen holds only what is in view. */
  'controls.list': entry<ControlWindow>()(
    z.strictObject({
      authorityId: recordId,
      asOf: isoDate,
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(1000).default(200),
      sort: z.strictObject({ column: z.enum(CONTROL_SORT_COLUMNS), descending: z.boolean() }).nullable().default(null),
      filters: z
        .strictObject({
          family: z.string().max(100).default(''),
          stage: z.string().max(100).default(''),
          maturity: z.string().regex(/^[0-4]?$/, 'must be a maturity level 0 to 4, or empty').default(''),
          review: z.enum(['', 'overdue', 'current']).default(''),
          evidence: z.enum(['', 'current', 'unsupported', 'stale', 'missing', 'not-required']).default(''),
          search: z.string().max(500).default(''),
        })
        .prefault({}),
      /** The reader's language: the family names searched and sorted are the ones the screen shows. */
      language: z.enum(LANGUAGES).default('en'),
    }),
  ),
  /** One control with its status at `asOf`: the row the register would show for it. */
  'controls.get': entry<ControlListItem>()(z.strictObject({ id: recordId, asOf: isoDate })),
  'controls.create': entry<ControlRecord>()(z.strictObject({ authorityId: recordId, control: controlInput.strict() })),
  'controls.update': entry<ControlRecord>()(z.strictObject({ id: recordId, control: controlInput.strict() })),
  'controls.delete': entry<{ deleted: number }>()(id),
  /** `source`: where the mapping came from (the one sent, the saved one, or the guess from headers). */
  'controls.importPreview': entry<ControlImportPlan & { source: 'given' | 'saved' | 'guessed' }>()(z.strictObject({ authorityId: recordId, file: sheetFile, mapping: mapping.optional() })),
  'controls.import': entry<ControlImportPlan>()(z.strictObject({ authorityId: recordId, file: sheetFile, mapping, saveMapping: z.boolean().default(false) })),
  'controls.exportSheet': entry<ExportedFile>()(z.strictObject({ authorityId: recordId, format: z.enum(['csv', 'xlsx']), language: z.enum(LANGUAGES) })),
  'evidence.list': entry<EvidenceRecord[]>()(z.strictObject({ controlId: recordId })),
  'evidence.add': entry<EvidenceRecord>()(
    z.strictObject({
      controlId: recordId,
      evidence: evidenceInput,
      file: z.strictObject({ name: z.string().trim().min(1).max(255), mediaType: z.string().max(255).nullable(), contentBase64: base64 }).nullable(),
    }),
  ),
  'evidence.delete': entry<{ deleted: number }>()(id),
  'evidence.file': entry<EvidenceFileContent>()(id),
  'packages.export': entry<AssessmentPackage>()(z.strictObject({ authorityId: recordId })),
  /** acceptKeyChange: why a package signed under a key other than the trusted one is accepted (logged). */
  'packages.import': entry<ImportSummary>()(z.strictObject({ package: z.unknown(), acceptKeyChange: z.string().trim().min(1, 'a justification is required').max(10_000).optional() })),
  'packages.preview': entry<PackagePreview>()(z.strictObject({ package: z.unknown() })),
  /** acceptKeyChange: as for packages.import, when the update's new locks are signed under another key. */
  'packages.update': entry<PackageUpdatePlan>()(z.strictObject({ package: z.unknown(), acceptKeyChange: z.string().trim().min(1, 'a justification is required').max(10_000).optional() })),
};
