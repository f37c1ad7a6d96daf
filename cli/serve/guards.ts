import { timingSafeEqual } from 'node:crypto';

/**
 * The checks that keep browser mode private to this machine and this run:
 * DNS-rebinding (Host), cross-site requests (Origin) and other local programs
 * or pages (the per-run token).
 */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** No Origin (same-origin GET, curl) is fine; a present Origin must be this server. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function isValidToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The renderer's policy in browser mode: its own scripts, styles and API only. */
export const BROWSER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function contentType(file: string): string {
  const dot = file.lastIndexOf('.');
  return TYPES[file.slice(dot)] ?? 'application/octet-stream';
}

/** Maps a URL path to a file inside the renderer folder, refusing anything that escapes it. */
export function staticPath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
  if (decoded === '/' || decoded === '') return 'index.html';
  const relative = decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..' || part === '' || part.startsWith('.')) || relative.includes('\\') || relative.includes('\0')) return null;
  return relative;
}
