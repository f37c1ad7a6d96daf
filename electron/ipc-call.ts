import type { ApiResult } from '../shared/api/methods.js';
import type { ApiCaller } from './register-client.js';
import { isTrustedSender } from './security.js';

/**
 * One IPC call, without Electron: refuses a sender that is not the app's own
 * page, then hands method and input to `call` (in the app, the register worker,
 * which runs the one dispatcher every transport uses: it validates the input
 * and never throws). Never throws: every outcome is the result union.
 */
export async function handleIpcCall(call: ApiCaller, senderUrl: string | null | undefined, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    return { ok: false, error: { code: 'forbidden', message: `API call refused: it did not come from the app's own page (sender: ${senderUrl ? JSON.stringify(senderUrl.slice(0, 200)) : 'unknown'})` } };
  }
  try {
    return await call(method, input);
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `no register is open (${(error as Error).message})` } };
  }
}
