import { z } from 'zod';
import type { AssessmentRecord, AuditRecord, AuditVerification, AuthorityRecord, ControlRecord, ImportSummary } from '../../domain/records.js';
import { firstRunSetup, recordId } from '../../domain/inputs.js';
import { entry } from '../entry.js';
import { LANGUAGES } from '../languages.js';
import type { AppInfo, LibraryInfo, Settings } from '../results.js';
import type { Framework } from '../../library/schema.js';

const none = z.strictObject({});

/** The app itself, the user's settings, the library, the audit log and backups. */
export const appContract = {
  'app.info': entry<AppInfo>()(none),
  'settings.get': entry<Settings>()(none),
  'settings.set': entry<Settings>()(z.strictObject({ actor: z.string().trim().min(1).max(200).optional(), language: z.enum(LANGUAGES).optional() })),
  'library.get': entry<LibraryInfo>()(none),
  /** A custom framework (one's own criteria) for new assessments; `name` labels its errors (the file name). */
  'library.importFramework': entry<Framework>()(z.strictObject({ name: z.string().trim().min(1).max(255), framework: z.unknown() })),
  'audit.list': entry<AuditRecord[]>()(z.strictObject({ limit: z.int().min(1).max(10_000).default(500), beforeId: recordId.optional() })),
  'audit.verify': entry<AuditVerification>()(none),
  /** A readable name per entity id in the log (records since deleted included). */
  'audit.labels': entry<Record<string, string>>()(none),
  'register.backup': entry<{ file: string }>()(none),
  /** First run: the guided set-up of the user's own authority, written in one transaction. */
  'register.setup': entry<{ authority: AuthorityRecord; controls: ControlRecord[]; assessment: AssessmentRecord }>()(firstRunSetup),
  'register.loadDemo': entry<ImportSummary>()(none),
};
