import { dispatch } from '../api/dispatch.js';
import type { Register } from '../db/register.js';
import type { ApiResults } from '../shared/api/contract.js';
import type { ApiInput } from '../shared/api/inputs.js';
import type { ApiErrorCode, ApiMethod } from '../shared/api/methods.js';
import { appVersion } from './app-paths.js';
import { InputError } from './errors.js';

/** One API call from a command: resolves with the method's result or throws its refusal. */
export type CliApi = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>;

/** A refusal by the API (bad input, not found, locked, four-eyes…): exit status 1 with its message. */
export class ApiRefusal extends InputError {
  override name = 'ApiRefusal';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The CLI's way into a register: the same dispatch (validation, handler,
 * error codes) that the desktop app's IPC and browser mode use, so a command
 * can never do what the app would refuse, or differ in what it records.
 */
export function cliApi(register: Register): CliApi {
  const env = { transport: 'cli' as const, version: appVersion() };
  return async (method, input) => {
    const result = await dispatch(register, env, method, input);
    if (result.ok) return result.value as ApiResults[typeof method];
    // An internal error is a bug: keep it an ordinary error (exit 70 with the message), not "bad input".
    if (result.error.code === 'internal') throw new Error(result.error.message);
    throw new ApiRefusal(result.error.code, result.error.message);
  };
}
