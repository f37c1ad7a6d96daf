import type { ApiInput } from './inputs.js';
import type { ApiMethod, ApiResult } from './methods.js';
import type { ApiResults } from './contract.js';

/** How the renderer reaches the API, whatever carries the call (IPC or HTTP). */
export type ApiTransport = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResult<ApiResults[M]>>;

/** The error a failed call becomes in the UI; `code` says what kind of failure. */
export class ApiCallError extends Error {
  constructor(
    readonly method: ApiMethod,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** Unwraps the result union: a value, or an ApiCallError the screen shows in plain words. */
export async function callApi<M extends ApiMethod>(transport: ApiTransport, method: M, input: ApiInput<M>): Promise<ApiResults[M]> {
  const result = await transport(method, input);
  if (result.ok) return result.value;
  throw new ApiCallError(method, result.error.code, result.error.message);
}
