import type { z } from 'zod';
import { jsonPath } from '../shared/library/validation-error.js';
import { RegisterError } from './errors.js';
import { controlCharacterIssues } from '../shared/domain/control-characters.js';

/** Validates an input at the register's edge; the error names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const text = controlCharacterIssues(input);
  if (text.length) throw new RegisterError('invalid', `invalid ${what}: ${text.map((issue) => `${issue.path.replace(/^\$\.?/, '') || what}: ${issue.message}`).join('; ')}`);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${jsonPath(issue.path).replace(/^\$\.?/, '') || what}: ${issue.message}`);
  throw new RegisterError('invalid', `invalid ${what}: ${problems.join('; ')}`);
}
