import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * The Electron shell's security policy as pure functions: no Electron import,
 * so every rule is unit-tested under plain Node. main.ts, protocol.ts and
 * ipc.ts only wire these into Electron's hooks.
 */

/** The renderer is served from this custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'permit-integrity';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's Content Security Policy: nothing unless listed. The API goes
 * over IPC, so the page may not connect anywhere (connect-src 'none').
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://permit-integrity/... exactly: no other host, port or credentials. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window may only ever show the app's own pages. */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/** IPC is answered only for frames showing the app's own origin. */
export function isTrustedSender(frameUrl: unknown): boolean {
  return isAppUrl(frameUrl);
}

/**
 * Links handed to the operating system's browser (after the user confirms):
 * http and https with a host, without embedded credentials. Everything else
 * (file:, javascript:, data:, mailto:, custom schemes that launch programs) is refused.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Downloads the renderer itself starts (an exported package or an evidence
 * file it turned into a blob) are allowed; anything else is cancelled.
 */
export function isAllowedDownload(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  if (url.startsWith('data:')) return true;
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/** The subset of Electron's WebPreferences we set; main.ts passes it to BrowserWindow as is. */
export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webviewTag: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  disableBlinkFeatures: string;
  devTools: boolean;
}

/** The renderer window's preferences; DevTools exist only in development (unpackaged) runs. */
export function hardenedWebPreferences(packaged: boolean, preload: string): HardenedWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click on a link would otherwise open it without a 'will-navigate' check.
    disableBlinkFeatures: 'Auxclick',
    devTools: !packaged,
  };
}

/**
 * Maps app://permit-integrity/<path> to a file inside rendererDir, or null for
 * another scheme or host, a traversal (also percent-encoded), a hidden file,
 * a backslash or a NUL. "/" is index.html.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const parsed = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const path = decoded.replace(/^\/+/, '');
  if (path === '') return join(rendererDir, 'index.html');
  if (path.includes('\\') || path.includes('\0')) return null;
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part.startsWith('.') || part.includes(':'))) return null;
  const file = join(rendererDir, ...parts);
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a renderer file; unknown kinds are served as opaque bytes. */
export function contentType(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (TYPES[name.slice(dot).toLowerCase()] ?? 'application/octet-stream') : 'application/octet-stream';
}

/** Headers on every file the app:// protocol serves. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentType(file),
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * The one permission the app uses: writing text to the clipboard ("Copy
 * digest", navigator.clipboard.writeText). Electron names it
 * 'clipboard-sanitized-write' in both the permission request and check handlers.
 */
export const CLIPBOARD_WRITE_PERMISSION = 'clipboard-sanitized-write';

/**
 * Granted only for clipboard writing, only to the app's own page in the
 * window's main frame (an embedded frame never gets it); everything else
 * (camera, notifications, clipboard *reading*, …) is denied.
 */
export function isAllowedPermission(permission: unknown, requestingUrl: unknown, isMainFrame: unknown): boolean {
  return permission === CLIPBOARD_WRITE_PERMISSION && isMainFrame === true && isAppUrl(requestingUrl);
}
