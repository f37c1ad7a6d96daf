import { z } from 'zod';
import { authorityInput, controlInput, evidenceInput, recordId } from '../../domain/inputs.js';
import type { AuthorityRecord, ControlRecord, EvidenceRecord, ImportSummary } from '../../domain/records.js';
import type { AssessmentPackage } from '../../package/schema.js';
import { isoDate } from '../../snapshot/schema.js';
import { entry } from '../entry.js';
import type { ControlListItem, EvidenceFileContent } from '../results.js';

const id = z.strictObject({ id: recordId });
/** Evidence files travel as base64 so that IPC and HTTP carry the same JSON. */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64').max(140 * 1024 * 1024, 'file too large');

/** Authorities, their controls and evidence, and assessment packages. */
export const registerContract = {
  'authorities.list': entry<AuthorityRecord[]>()(z.strictObject({})),
  'authorities.create': entry<AuthorityRecord>()(authorityInput.strict()),
  'authorities.update': entry<AuthorityRecord>()(z.strictObject({ id: recordId, authority: authorityInput.strict() })),
  'controls.list': entry<ControlListItem[]>()(z.strictObject({ authorityId: recordId, asOf: isoDate })),
  'controls.create': entry<ControlRecord>()(z.strictObject({ authorityId: recordId, control: controlInput.strict() })),
  'controls.update': entry<ControlRecord>()(z.strictObject({ id: recordId, control: controlInput.strict() })),
  'controls.delete': entry<{ deleted: number }>()(id),
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
  'packages.import': entry<ImportSummary>()(z.strictObject({ package: z.unknown() })),
};
