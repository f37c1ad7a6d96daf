import { z } from 'zod';
import { API_INPUTS } from '../shared/api/inputs.js';
import { isApiMethod, type ApiErrorCode, type ApiMethod, type ApiResult } from '../shared/api/methods.js';
import type { ApiResults } from '../shared/api/contract.js';
import { jsonPath } from '../shared/library/validation-error.js';
import { apiErrorOf } from './errors.js';
import { controlCharacterIssues } from '../shared/domain/control-characters.js';
import type { Register } from '../db/register.js';
import { assessmentHandlers } from './assessment-handlers.js';
import type { ApiEnvironment, Handler, Handlers } from './handler-types.js';
import { libraryHandlers } from './library-handlers.js';
import { registerHandlers } from './register-handlers.js';
import { reportHandlers } from './report-handlers.js';
import { portfolioHandlers } from './portfolio-handlers.js';
import { controlImportHandlers } from './control-import-handlers.js';
import { upkeepHandlers } from './upkeep-handlers.js';
import { jobHandlers } from './job-handlers.js';
import { actionHandlers } from './action-handlers.js';
import { commentHandlers } from './comment-handlers.js';
import { calendarHandlers } from './calendar-handlers.js';
import { permitHandlers } from './permit-handlers.js';
import { trustHandlers } from './trust-handlers.js';

/** Every method's handler; the type makes a method without one a compile error. */
const HANDLERS: Handlers<ApiMethod> = {
  ...libraryHandlers,
  ...registerHandlers,
  ...assessmentHandlers,
  ...reportHandlers,
  ...portfolioHandlers,
  ...controlImportHandlers,
  ...upkeepHandlers,
  ...jobHandlers,
  ...actionHandlers,
  ...commentHandlers,
  ...calendarHandlers,
  ...permitHandlers,
  ...trustHandlers,
};

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

function failureFrom(error: unknown): ApiResult<never> {
  const { code, message } = apiErrorOf(error);
  return failure(code, message);
}

export const HANDLED_METHODS = Object.keys(HANDLERS) as ApiMethod[];
