import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../electron/security.js';
import { useTempRegisters } from '../helpers/temp-register.js';

// protocol.ts imports Electron's protocol module: a stand-in records what it is given.
const registered: { privileged: unknown[]; handlers: Map<string, (request: Request) => Promise<Response>> } = { privileged: [], handlers: new Map() };
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => registered.handlers.set(scheme, handler),
  },
}));

const temp = useTempRegisters();

describe('app:// protocol', () => {
  it('is standard and secure, without fetch or CORS privileges', async () => {
    const { registerAppScheme } = await import('../../electron/protocol.js');
    registerAppScheme();
    expect(registered.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);
  });

  it('serves renderer files with the CSP and refuses everything else', async () => {
    const dir = temp.dir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(join(temp.dir(), 'secret.txt'), 'secret');
    const { serveRenderer } = await import('../../electron/protocol.js');
    serveRenderer(dir);
    const handler = registered.handlers.get('app')!;

    const index = await handler(fakeRequest('app://permit-integrity/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>t</title>');

    const script = await handler(fakeRequest('app://permit-integrity/assets/main.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const url of ['app://permit-integrity/missing.js', 'app://permit-integrity/..%2fsecret.txt', 'app://evil/index.html', 'app://permit-integrity/assets']) {
      expect((await handler(fakeRequest(url))).status, url).toBe(404);
    }
    expect((await handler(fakeRequest('app://permit-integrity/index.html', 'POST'))).status).toBe(405);
  });
});

/** Node's Request refuses app:// URLs; the handler reads only url and method. */
function fakeRequest(url: string, method = 'GET'): Request {
  return { url, method } as Request;
}
