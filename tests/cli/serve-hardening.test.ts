/** Browser mode against malformed requests (issue 9): timeouts, bad percent-escapes, two Host headers. */
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../cli/serve/server.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
let running: BrowserServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function serve(): Promise<BrowserServer> {
  const rendererDir = temp.dir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PI</title>');
  mkdirSync(join(rendererDir, 'assets'));
  running = await startBrowserServer({ register: temp.open(), rendererDir, version: 'test' });
  return running;
}

/** Sends bytes exactly as written (Node's client would merge or refuse duplicate headers) and returns the status. */
function rawStatus(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
  });
}

describe('browser mode hardening', () => {
  it('sets headersTimeout and requestTimeout', async () => {
    const server = await serve();
    expect(server.server.headersTimeout).toBe(10_000);
    expect(server.server.requestTimeout).toBe(120_000);
  });

  it('answers 400 (not 500) to a malformed percent-escape, for the API and for files', async () => {
    const { port, token } = await serve();
    const host = `127.0.0.1:${port}`;
    expect(await rawStatus(port, `GET /assets/%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\n\r\n`)).toBe(400);
    const body = '{}';
    expect(await rawStatus(port, `POST /api/%ZZ HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Permit-Integrity-Token: ${token}\r\nContent-Length: ${body.length}\r\n\r\n${body}`)).toBe(400);
    expect(await rawStatus(port, `GET / HTTP/1.1\r\nHost: ${host}\r\n\r\n`)).toBe(200);
  });

  it('answers 400 to two Host headers, even when the first one is allowed', async () => {
    const { port } = await serve();
    expect(await rawStatus(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\n\r\n`)).toBe(400);
  });
});
