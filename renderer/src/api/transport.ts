import type { ApiTransport } from '../../../shared/api/client.js';
import type { ApiMethod, ApiResult } from '../../../shared/api/methods.js';

const TOKEN_KEY = 'permit-integrity-token';

/** In Electron the preload puts exactly the API methods on window.api. */
type ElectronApi = Record<ApiMethod, (input: unknown) => Promise<ApiResult<unknown>>>;

declare global {
  interface Window {
    api?: ElectronApi;
  }
}

/**
 * Browser mode: the token arrives once in the URL, is kept for this tab only
 * (sessionStorage survives a reload, not a new tab), and is removed from the
 * address bar so it is not bookmarked or shared.
 */
export function browserToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createTransport(): ApiTransport {
  const electron = window.api;
  if (electron) {
    return ((method, input) => electron[method](input)) as ApiTransport;
  }
  const token = browserToken();
  return (async (method: ApiMethod, input: unknown) => {
    if (!token) return { ok: false, error: { code: 'forbidden', message: 'No session token: open the address printed by "permit-integrity serve".' } };
    try {
      const response = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Permit-Integrity-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The app's server did not answer (${(error as Error).message}). Is "permit-integrity serve" still running?` } };
    }
  }) as ApiTransport;
}
