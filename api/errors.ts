import { RegisterError } from '../db/errors.js';
import { asRegisterError } from '../db/register.js';
import type { ApiErrorCode } from '../shared/api/methods.js';
import { DataValidationError } from '../shared/library/validation-error.js';
import { PackageValidationError } from '../shared/package/validate.js';

/** Register refusals as API error codes: everything the user can act on is named, never 'internal'. */
const API_CODE: Record<RegisterError['code'], ApiErrorCode> = {
  not_found: 'not_found',
  invalid: 'invalid',
  locked: 'locked',
  conflict: 'conflict',
  newer_database: 'invalid',
  not_a_register: 'invalid',
  busy: 'conflict',
  read_only: 'invalid',
  corrupt: 'invalid',
  io: 'invalid',
  forbidden: 'forbidden',
};

/** What the API answers for an error thrown by a handler or a job (one rule for both). */
export function apiErrorOf(error: unknown): { code: ApiErrorCode; message: string } {
  const named = asRegisterError(error, 'register');
  if (named instanceof RegisterError) return { code: API_CODE[named.code], message: named.message };
  if (named instanceof PackageValidationError || named instanceof DataValidationError) return { code: 'invalid', message: named.message };
  if (named instanceof Error && /locked assessment|audit log is append-only/.test(named.message)) return { code: 'locked', message: named.message };
  // Unexpected: keep the message (it helps the user report it) but never a stack.
  return { code: 'internal', message: named instanceof Error ? named.message : String(named) };
}
