import { z } from 'zod';
import { API_INPUTS } from '../../shared/api/inputs.js';
import { isApiMethod, type ApiErrorCode, type ApiMethod, type ApiResult } from '../../shared/api/methods.js';
import type { ApiResults } from '../../shared/api/results.js';
import { jsonPath } from '../../shared/library/validation-error.js';
import { controlCharacterIssues } from '../../shared/domain/control-characters.js';
import { PackageValidationError } from '../../shared/package/validate.js';
import { DataValidationError } from '../../shared/library/validation-error.js';
import { RegisterError } from '../errors.js';
import { asRegisterError, type Register } from '../register.js';
import { assessmentHandlers } from './assessment-handlers.js';
import type { ApiEnvironment, Handler } from './handler-types.js';
import { libraryHandlers } from './library-handlers.js';
import { registerHandlers } from './register-handlers.js';
import { reportHandlers } from './report-handlers.js';
import { portfolioHandlers } from './portfolio-handlers.js';
import { trustHandlers } from './trust-handlers.js';

const HANDLERS = { ...libraryHandlers, ...registerHandlers, ...assessmentHandlers, ...reportHandlers, ...portfolioHandlers, ...trustHandlers };

/**
 * The single entry for every transport: checks the method exists, validates
 * the input against its schema, runs the handler, and turns any failure into
 * `{ok:false, error:{code, message}}`. Nothing is thrown across a transport.
 */
export async function dispatch(register: Register, env: ApiEnvironment, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
  const started = start(register, env, method, input);
  if (!started.ok || !(started.value instanceof Promise)) return started;
  try {
    return { ok: true, value: (await started.value) as ApiResults[ApiMethod] };
  } catch (error) {
    return failureFrom(error);
  }
}

/**
 * The same, for callers inside the main process that need an answer at once
 * (menus); a method whose handler works asynchronously is refused here.
 */
export function dispatchSync(register: Register, env: ApiEnvironment, method: unknown, input: unknown): ApiResult<unknown> {
  const started = start(register, env, method, input);
  if (started.ok && started.value instanceof Promise) {
    started.value.catch(() => undefined);
    return failure('internal', `${String(method)} works asynchronously; call dispatch()`);
  }
  return started;
}

function start(register: Register, env: ApiEnvironment, method: unknown, input: unknown): ApiResult<unknown> {
  if (!isApiMethod(method)) return failure('invalid_input', `unknown API method ${JSON.stringify(method)}`);
  const text = controlCharacterIssues(input);
  if (text.length) return failure('invalid_input', `invalid input for ${method}: ${text.map((issue) => `${issue.path.replace(/^\$\.?/, '') || '(input)'}: ${issue.message}`).join('; ')}`);
  const parsed = API_INPUTS[method].safeParse(input ?? {});
  if (!parsed.success) return failure('invalid_input', describe(method, parsed.error));
  try {
    const handler = HANDLERS[method] as Handler<ApiMethod>;
    return { ok: true, value: handler(register, parsed.data as never, env) };
  } catch (error) {
    return failureFrom(error);
  }
}

function describe(method: ApiMethod, error: z.ZodError): string {
  return `invalid input for ${method}: ${error.issues.map((issue) => `${jsonPath(issue.path).replace(/^\$\.?/, '') || '(input)'}: ${issue.message}`).join('; ')}`;
}

function failure(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

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

function failureFrom(error: unknown): ApiResult<never> {
  const named = asRegisterError(error, 'register');
  if (named !== error) return failureFrom(named);
  if (error instanceof RegisterError) {
    return failure(API_CODE[error.code], error.message);
  }
  if (error instanceof PackageValidationError || error instanceof DataValidationError) return failure('invalid', error.message);
  if (error instanceof Error && /locked assessment|audit log is append-only/.test(error.message)) return failure('locked', error.message);
  // Unexpected: keep the message (it helps the user report it) but never a stack.
  return failure('internal', error instanceof Error ? error.message : String(error));
}

export const HANDLED_METHODS = Object.keys(HANDLERS) as ApiMethod[];
