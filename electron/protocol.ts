import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from './security.js';

/**
 * app:// as a standard, secure scheme (a real origin, so the CSP's 'self' and
 * relative URLs work, and a secure context) without fetch or CORS privileges.
 * Must run before the app's 'ready' event.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Serves the built renderer from `rendererDir`, read-only, with the CSP on every file. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(file) });
  });
}
