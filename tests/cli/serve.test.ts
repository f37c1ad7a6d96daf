import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../db/demo.js';
import { isAllowedHost, isAllowedOrigin, isValidToken, staticPath } from '../../cli/serve/guards.js';
import { startBrowserServer, type BrowserServer } from '../../cli/serve/server.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
let running: BrowserServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function serve(): Promise<BrowserServer> {
  const register = temp.open();
  createDemo(register);
  const rendererDir = temp.dir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PI</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  running = await startBrowserServer({ register, rendererDir, version: 'test' });
  return running;
}

/** A raw HTTP request, so tests can send the Host and Origin a hostile page would. */
function raw(server: BrowserServer, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(server: BrowserServer, method: string, input: unknown, headers: Record<string, string> = {}) {
  return raw(server, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-Permit-Integrity-Token': server.token, ...headers },
    body: JSON.stringify(input),
  });
}

describe('browser-mode guards', () => {
  it('accept only this port on loopback names as Host', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });
  it('accept no Origin or this origin only', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', 4000)).toBe(false);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
  });
  it('compare tokens exactly', () => {
    expect(isValidToken('abc', 'abc')).toBe(true);
    expect(isValidToken('abd', 'abc')).toBe(false);
    expect(isValidToken('ab', 'abc')).toBe(false);
    expect(isValidToken(undefined, 'abc')).toBe(false);
  });
  it('map URL paths into the renderer folder and refuse escapes', () => {
    expect(staticPath('/')).toBe('index.html');
    expect(staticPath('/assets/app.js?v=1')).toBe('assets/app.js');
    expect(staticPath('/../package.json')).toBeNull();
    expect(staticPath('/%2e%2e/package.json')).toBeNull();
    expect(staticPath('/assets/..%2f..%2fsecret')).toBeNull();
    expect(staticPath('/.env')).toBeNull();
  });
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', async () => {
    const server = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
    expect((server.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const server = await serve();
    const page = await raw(server, { path: '/', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>PI</title>');
    expect(String(page.headers['content-security-policy'])).toMatch(/^default-src 'none'/);
    expect(String(page.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect((await raw(server, { path: '/assets/../../package.json', headers: { Host: `127.0.0.1:${server.port}` } })).status).toBe(404);
  });

  it('answers API calls with the right token, and the result union', async () => {
    const server = await serve();
    const response = await api(server, 'authorities.list', {});
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body);
    expect(body.ok).toBe(true);
    expect(body.value[0].name).toContain('Veridia');
    const invalid = JSON.parse((await api(server, 'assessments.get', { id: 'two' })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(invalid.error.message).toContain('id');
  });

  it('refuses API calls without the token, from another origin, or for another host', async () => {
    const server = await serve();
    expect((await api(server, 'authorities.list', {}, { 'X-Permit-Integrity-Token': 'wrong' })).status).toBe(401);
    expect((await api(server, 'authorities.list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(server, 'authorities.list', {}, { Host: `rebind.example:${server.port}` })).status).toBe(421);
    expect((await raw(server, { path: '/api/authorities.list', headers: { Host: `127.0.0.1:${server.port}`, 'X-Permit-Integrity-Token': server.token } })).status).toBe(405);
  });

  it('refuses a body that is not JSON', async () => {
    const server = await serve();
    const response = await raw(server, {
      path: '/api/authorities.list',
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'X-Permit-Integrity-Token': server.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('invalid_input');
  });
});

describe('start without Electron', () => {
  it('says so in one line and serves browser mode on the register', async () => {
    const { spawn } = await import('node:child_process');
    const db = temp.path('start.sqlite');
    const child = spawn(process.execPath, ['dist/cli/bin.cjs', 'start', '--db', db], { env: { ...process.env, PERMIT_INTEGRITY_BROWSER: '1' } });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${text}`)), 20_000);
        const read = (chunk: Buffer) => {
          text += chunk.toString();
          if (/Open http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(text)) {
            clearTimeout(timer);
            resolve(text);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
      });
      expect(output.split('\n').filter((line) => /browser mode/i.test(line) && !line.startsWith('Permit Integrity'))).toHaveLength(1);
      const url = /Open (http:\S+)/.exec(output)![1]!;
      const token = new URL(url).searchParams.get('token')!;
      const response = await fetch(new URL('/api/authorities.list', url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Permit-Integrity-Token': token }, body: '{}' });
      // A new register stays empty: the app opens to the first-run choice (set up, demo, import).
      expect(((await response.json()) as { value: Array<{ name: string }> }).value).toEqual([]);
      expect(output).toContain('it is empty; the app opens to the first-run choice');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
