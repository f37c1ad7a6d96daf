import { dispatch } from '../api/dispatch.js';
import type { ApiEnvironment } from '../api/handler-types.js';
import type { Register } from '../db/register.js';
import type { ApiResult } from '../shared/api/methods.js';
import { isTrustedSender } from './security.js';

/**
 * One IPC call, without Electron: refuses a sender that is not the app's own
 * page, then hands method and input to the one dispatcher every transport uses
 * (which validates the input and never throws). `register` may be a getter, read
 * only after the sender check (the menu can switch or close the register).
 * Never throws: every outcome is the result union.
 */
export async function handleIpcCall(register: Register | (() => Register), env: ApiEnvironment, senderUrl: string | null | undefined, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    return { ok: false, error: { code: 'forbidden', message: `API call refused: it did not come from the app's own page (sender: ${senderUrl ? JSON.stringify(senderUrl.slice(0, 200)) : 'unknown'})` } };
  }
  let current: Register;
  try {
    current = typeof register === 'function' ? register() : register;
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `no register is open (${(error as Error).message})` } };
  }
  return dispatch(current, env, method, input);
}
