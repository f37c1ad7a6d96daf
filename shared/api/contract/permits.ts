import { z } from 'zod';
import { recordId } from '../../domain/inputs.js';
import type { EvidenceRecord } from '../../domain/records.js';
import { mappingProfileSchema, registerMappingSchema, type MappingProfile } from '../../permits/mapping-profile.js';
import { PERMIT_FLAG_KINDS } from '../../permits/records.js';
import type { ExportedFile } from '../../report/formats.js';
import type { AnalysisSummary, ColumnPreview, ImportProgress, ImportSummary as PermitImportSummary, PermitCharts, PermitFlagPage, PermitRecordsPage } from '../../permits/summaries.js';
import { isoDate } from '../../snapshot/schema.js';
import { entry } from '../entry.js';
import { LANGUAGES } from '../languages.js';

const jobId = z.strictObject({ jobId: z.string().min(1).max(64) });

/** The filters of the flagged list, shared by the list and its export so both show the same flags. */
const flagFilter = {
  authorityId: recordId,
  kind: z.enum(PERMIT_FLAG_KINDS).optional(),
  taxon: z.string().max(300).optional(),
  officer: z.string().max(300).optional(),
  applicant: z.string().max(300).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Officer and applicant ids are left out unless the user asks for them. */
  withPeople: z.boolean().default(false),
};

/** Permit-log analytics (PI-1.2): imports of permit data, red flags and their signals. */
export const permitContract = {
  // Paths are files or folders on this machine (the app is offline; browser mode listens on 127.0.0.1 only).
  'permits.import': entry<PermitImportSummary>()(
    z.strictObject({
      jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and dashes only'),
      authorityId: recordId,
      format: z.enum(['trade-db', 'register', 'quotas']),
      paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
      mapping: registerMappingSchema.optional(),
      pseudonymise: z.boolean().default(true),
    }),
  ),
  /** The header and first rows of a file (a folder's first .csv or .xlsx file), to map a register's columns. */
  'permits.previewColumns': entry<ColumnPreview>()(z.strictObject({ path: z.string().trim().min(1).max(4096) })),
  'permits.progress': entry<ImportProgress | null>()(jobId),
  'permits.cancel': entry<{ cancelled: boolean }>()(jobId),
  'permits.mappings': entry<MappingProfile[]>()(z.strictObject({})),
  'permits.saveMapping': entry<MappingProfile>()(z.strictObject({ profile: mappingProfileSchema })),
  'permits.analyse': entry<AnalysisSummary>()(z.strictObject({ authorityId: recordId })),
  'permits.flags': entry<PermitFlagPage>()(
    z.strictObject({
      ...flagFilter,
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(100_000).default(1000),
    }),
  ),
  /** The flagged list as filtered on screen, as a file: the same cells in CSV and XLSX. */
  'permits.exportFlags': entry<ExportedFile>()(z.strictObject({ ...flagFilter, format: z.enum(['csv', 'xlsx']), language: z.enum(LANGUAGES) })),
  /** The officer-concentration and source-share charts; source shares for one exporter and/or taxa containing a text. */
  'permits.charts': entry<PermitCharts>()(
    z.strictObject({
      authorityId: recordId,
      withPeople: z.boolean().default(false),
      exporter: z.string().max(300).optional(),
      taxon: z.string().max(300).optional(),
    }),
  ),
  /** The stored records behind one flag (its id from permits.flags), a page at a time. */
  'permits.records': entry<PermitRecordsPage>()(
    z.strictObject({
      authorityId: recordId,
      flagId: z.int().min(1),
      withPeople: z.boolean().default(false),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(1000).default(200),
    }),
  ),
  'permits.attachEvidence': entry<EvidenceRecord>()(z.strictObject({ authorityId: recordId, controlId: recordId })),
};
