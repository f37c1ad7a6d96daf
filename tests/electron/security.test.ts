import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  appResponseHeaders,
  contentType,
  hardenedWebPreferences,
  isAllowedPermission,
  isAllowedDownload,
  isAllowedNavigation,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  resolveAppFile,
} from '../../electron/security.js';

const UNTRUSTED_URLS = [
  'http://permit-integrity/index.html',
  'https://example.org/',
  'http://127.0.0.1:5173/',
  'file:///etc/passwd',
  'file:///C:/Windows/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'app://evil/index.html',
  'app://permit-integrity.evil/index.html',
  'app://evil.permit-integrity/index.html',
  'app://permit-integrity@evil/index.html',
  'app://user:pass@permit-integrity/index.html',
  'app://permit-integrity:8080/index.html',
  'appx://permit-integrity/index.html',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
  '',
];

describe('the app origin', () => {
  it('is app://permit-integrity', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('permit-integrity');
    expect(APP_ORIGIN).toBe('app://permit-integrity');
    expect(APP_ENTRY_URL).toBe('app://permit-integrity/index.html');
  });

  it('recognises its own URLs, with paths, queries and fragments', () => {
    for (const url of ['app://permit-integrity/', 'app://permit-integrity/index.html', 'app://permit-integrity/index.html#/overview', 'app://permit-integrity/assets/index-abc.js?v=1']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses anything else', () => {
    for (const url of UNTRUSTED_URLS) expect(isAppUrl(url), url).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(42)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = APP_CSP.split(';').map((d) => d.trim());

  it("starts from default-src 'none'", () => {
    expect(APP_CSP.startsWith("default-src 'none'")).toBe(true);
  });

  it('allows no inline code, eval or remote source', () => {
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:/);
  });

  it('lists the directives the renderer needs and closes the rest', () => {
    expect(directives).toEqual(
      expect.arrayContaining([
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]),
    );
  });

  it('is sent with every served file, with nosniff', () => {
    const headers = appResponseHeaders('/x/dist/renderer/index.html');
    expect(headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});

describe('navigation and IPC sender checks', () => {
  it('allow only the app origin', () => {
    expect(isAllowedNavigation('app://permit-integrity/index.html#/audit')).toBe(true);
    expect(isTrustedSender('app://permit-integrity/index.html')).toBe(true);
    for (const url of UNTRUSTED_URLS) {
      expect(isAllowedNavigation(url), url).toBe(false);
      expect(isTrustedSender(url), url).toBe(false);
    }
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('external links', () => {
  it('accepts http and https with a host', () => {
    for (const url of ['https://cites.org/eng', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/']) expect(isSafeExternalUrl(url), url).toBe(true);
  });

  it('refuses every other scheme, credentials and host-less URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:someone@example.org',
      'data:text/html,hi',
      'ms-msdt:/id',
      'smb://server/share',
      'app://permit-integrity/index.html',
      'https://user:secret@example.org/',
      'http://',
      'https:',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('downloads', () => {
  it('allows only blobs and data made by the app page', () => {
    expect(isAllowedDownload('blob:app://permit-integrity/8c3e6a4e-5b1f-4c1e-9d0e-123456789abc')).toBe(true);
    expect(isAllowedDownload('data:application/json;base64,e30=')).toBe(true);
    expect(isAllowedDownload('blob:https://evil.example/abc')).toBe(false);
    expect(isAllowedDownload('https://example.org/file.exe')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
  });
});

describe('resolveAppFile', () => {
  const dir = join(sep, 'opt', 'app', 'dist', 'renderer');

  it('maps the root to index.html and paths to files inside the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://permit-integrity/')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://permit-integrity')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://permit-integrity/index.html')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://permit-integrity/assets/index-abc.js?x=1#y')).toBe(join(dir, 'assets', 'index-abc.js'));
    expect(resolveAppFile(dir, 'app://permit-integrity/assets/font%20name.woff2')).toBe(join(dir, 'assets', 'font name.woff2'));
  });

  it('refuses traversal, plain or encoded', () => {
    for (const url of [
      'app://permit-integrity/../secret',
      'app://permit-integrity/assets/../../secret',
      'app://permit-integrity/%2e%2e/secret',
      'app://permit-integrity/%2E%2E/%2E%2E/etc/passwd',
      'app://permit-integrity/..%2f..%2fetc%2fpasswd',
      'app://permit-integrity/assets%2f..%2f..%2fsecret',
      'app://permit-integrity/..%5c..%5csecret',
      'app://permit-integrity/assets\\..\\..\\secret',
      'app://permit-integrity/%00index.html',
      'app://permit-integrity/.env',
      'app://permit-integrity/assets//index.js',
      'app://permit-integrity/C:%2fWindows%2fwin.ini',
      'app://permit-integrity/%E0%A4%A',
    ]) {
      const file = resolveAppFile(dir, url);
      // Either refused, or (when the URL parser already collapsed the dots) still inside the folder.
      if (file !== null) expect(file.startsWith(dir + sep), `${url} -> ${file}`).toBe(true);
    }
    expect(resolveAppFile(dir, 'app://permit-integrity/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile(dir, 'app://permit-integrity/%2e%2e%2fsecret')).toBeNull();
    expect(resolveAppFile(dir, 'app://permit-integrity/..%5csecret')).toBeNull();
    expect(resolveAppFile(dir, 'app://permit-integrity/.env')).toBeNull();
    expect(resolveAppFile(dir, 'app://permit-integrity/%00index.html')).toBeNull();
    expect(resolveAppFile(dir, 'app://permit-integrity/%E0%A4%A')).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    for (const url of ['app://evil/index.html', 'app://permit-integrity.evil/index.html', 'file:///opt/app/dist/renderer/index.html', 'http://permit-integrity/index.html', 'not a url']) {
      expect(resolveAppFile(dir, url), url).toBeNull();
    }
  });
});

describe('contentType', () => {
  it('names the renderer file kinds and treats the rest as bytes', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/a/b/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('style.css')).toBe('text/css; charset=utf-8');
    expect(contentType('logo.svg')).toBe('image/svg+xml');
    expect(contentType('font.woff2')).toBe('font/woff2');
    expect(contentType('data.bin')).toBe('application/octet-stream');
    expect(contentType('/a.b/Makefile')).toBe('application/octet-stream');
    expect(contentType('.hidden')).toBe('application/octet-stream');
  });
});

describe('webPreferences', () => {
  it('isolates, sandboxes and shuts Node out of the renderer', () => {
    for (const packaged of [true, false]) {
      const prefs = hardenedWebPreferences(packaged, '/x/preload.cjs');
      expect(prefs).toMatchObject({
        preload: '/x/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      });
    }
  });

  it('has DevTools only in unpackaged (development) runs', () => {
    expect(hardenedWebPreferences(true, 'p').devTools).toBe(false);
    expect(hardenedWebPreferences(false, 'p').devTools).toBe(true);
  });

  it('is what main.ts gives the window (the scanner cannot see through the call)', () => {
    const main = readFileSync(new URL('../../electron/main.ts', import.meta.url), 'utf8');
    expect(main).toMatch(/webPreferences: hardenedWebPreferences\(app\.isPackaged, PRELOAD\)/);
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('app.requestSingleInstanceLock()');
  });
});

describe('permissions', () => {
  it('grants clipboard writing to the app page in the main frame, and nothing else to anyone', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://permit-integrity/index.html#/assessments/1', true)).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://permit-integrity', true)).toBe(true);
    for (const origin of ['https://evil.example/', 'app://evil/', 'app://permit-integrity:8080/', 'file:///tmp/report.html', 'data:text/html,x', '', null]) {
      expect(isAllowedPermission('clipboard-sanitized-write', origin, true), String(origin)).toBe(false);
    }
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://permit-integrity/', false)).toBe(false);
    for (const permission of ['clipboard-read', 'deprecated-sync-clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isAllowedPermission(permission, 'app://permit-integrity/', true), permission).toBe(false);
    }
  });
});
