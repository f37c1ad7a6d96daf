import { z } from 'zod';
import { REGISTER_FIELDS, REQUIRED_REGISTER_FIELDS, type RegisterMapping } from './parse-row.js';

/**
 * A saved column mapping for register files: which column of the authority's
 * export holds which field. Validated wherever one enters (file, API, CLI).
 */
export const registerMappingSchema = z
  .strictObject({
    columns: z.partialRecord(z.enum(REGISTER_FIELDS), z.string().trim().min(1)),
    dateOrder: z.enum(['iso', 'dmy', 'mdy']).optional(),
  })
  .superRefine((mapping, ctx) => {
    const missing = REQUIRED_REGISTER_FIELDS.filter((f) => !mapping.columns[f]);
    if (missing.length) ctx.addIssue({ code: 'custom', path: ['columns'], message: `no column given for ${missing.join(', ')}` });
  });

export const mappingProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  format: z.literal('register'),
  columns: registerMappingSchema.shape.columns,
  dateOrder: z.enum(['iso', 'dmy', 'mdy']).optional(),
});

export type MappingProfile = z.infer<typeof mappingProfileSchema>;

export function profileMapping(profile: MappingProfile): RegisterMapping {
  return { columns: profile.columns, ...(profile.dateOrder ? { dateOrder: profile.dateOrder } : {}) };
}
