import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../../api/dispatch.js';
import type { ApiEnvironment } from '../../api/handler-types.js';
import type { Register } from '../../db/register.js';
import { BROWSER_CSP, contentType, isAllowedHost, isAllowedOrigin, isValidToken, staticPath } from './guards.js';

/** Evidence files up to 100 MB travel base64-encoded: allow for that and the JSON around it. */
export const MAX_BODY_BYTES = 140 * 1024 * 1024;

export interface BrowserServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  register: Register;
  rendererDir: string;
  port?: number;
  token?: string;
  version: string;
}

/** Serves the built renderer and the API (`POST /api/<method>`) on 127.0.0.1 only. */
export async function startBrowserServer(options: ServeOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const env: ApiEnvironment = { transport: 'browser', version: options.version };
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { ok: false, error: { code: 'internal', message: String(error) } }));
  });

  // A slow client (or a stalled local program) must not hold a connection open forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Node keeps only the first of several Host headers; two Hosts are a smuggling attempt, not a request.
    if (hostHeaderCount(request) !== 1) return send(response, 400, { ok: false, error: { code: 'invalid_input', message: 'exactly one Host header is required' } });
    if (!isAllowedHost(request.headers.host, port)) return send(response, 421, { ok: false, error: { code: 'forbidden', message: 'unexpected Host header' } });
    if (!isAllowedOrigin(request.headers.origin, port)) return send(response, 403, { ok: false, error: { code: 'forbidden', message: 'cross-origin request refused' } });
    const path = (request.url ?? '/').split('?')[0]!;
    if (!decodable(path)) return send(response, 400, { ok: false, error: { code: 'invalid_input', message: 'malformed percent-escape in the URL' } });
    if (path.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, { ok: false, error: { code: 'invalid_input', message: 'API calls must be POST' } });
      if (!isValidToken(header(request, 'x-permit-integrity-token'), token)) return send(response, 401, { ok: false, error: { code: 'forbidden', message: 'missing or wrong session token; open the URL printed by "permit-integrity serve"' } });
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, { ok: false, error: { code: 'invalid_input', message: 'send JSON (Content-Type: application/json)' } });
      const body = await readBody(request);
      if (body === null) return send(response, 413, { ok: false, error: { code: 'invalid_input', message: `request larger than ${MAX_BODY_BYTES} bytes` } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(response, 400, { ok: false, error: { code: 'invalid_input', message: 'the request body is not valid JSON' } });
      }
      const result = await dispatch(options.register, env, decodeURIComponent(path.slice(5)), input);
      return send(response, 200, result);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { ok: false, error: { code: 'invalid_input', message: 'method not allowed' } });
    const file = staticPath(path);
    if (!file) return send(response, 404, { ok: false, error: { code: 'not_found', message: 'not found' } });
    try {
      const content = await readFile(join(options.rendererDir, file));
      response.writeHead(200, { 'Content-Type': contentType(file), 'Content-Security-Policy': BROWSER_CSP, ...SECURITY_HEADERS, 'Cache-Control': file === 'index.html' ? 'no-store' : 'max-age=3600' });
      response.end(request.method === 'HEAD' ? undefined : content);
    } catch {
      send(response, 404, { ok: false, error: { code: 'not_found', message: `no such file: ${file}` } });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Resource-Policy': 'same-origin' };

function hostHeaderCount(request: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < request.rawHeaders.length; i += 2) if (request.rawHeaders[i]!.toLowerCase() === 'host') count += 1;
  return count;
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
