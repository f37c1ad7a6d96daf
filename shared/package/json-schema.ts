import { z } from 'zod';
import { packageSchema } from './schema.js';

/** The JSON Schema of package format v1, generated from the zod definition so the two never drift. */
export function packageJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(packageSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://permit-integrity.invalid/schemas/package-v1.schema.json',
    title: 'Permit Integrity assessment package, format version 1',
  };
}
