import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDemo } from '../../db/demo.js';
import type { ApiEnvironment } from '../../api/handler-types.js';
import { dispatch } from '../../api/dispatch.js';
import type { Register } from '../../db/register.js';
import { handleIpcCall } from '../../electron/ipc-call.js';
import { API_METHODS } from '../../shared/api/methods.js';
import { useTempRegisters } from '../helpers/temp-register.js';

// ipc.ts imports Electron's ipcMain: a stand-in records the handlers (Electron itself is never loaded).
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const temp = useTempRegisters();
const env: ApiEnvironment = { transport: 'electron', version: '9.9.9' };
/** The app passes the register worker's caller; here the same dispatcher runs in-process. */
const via = (register: Register | (() => Register)) => (method: unknown, input: unknown) => dispatch(typeof register === 'function' ? register() : register, env, method, input);
const APP_PAGE = 'app://permit-integrity/index.html#/overview';

function demoRegister() {
  const register = temp.open();
  createDemo(register);
  return register;
}

describe('handleIpcCall', () => {
  it('refuses a sender that is not the app page, without touching the register', async () => {
    const register = demoRegister();
    for (const sender of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', null, undefined]) {
      const result = await handleIpcCall(via(register), sender, 'authorities.list', {});
      expect(result.ok, String(sender)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
    const write = await handleIpcCall(via(register), 'https://evil.example/', 'settings.set', { actor: 'Mallory' });
    expect(write.ok).toBe(false);
    const settings = await handleIpcCall(via(register), APP_PAGE, 'settings.get', {});
    expect(settings.ok && (settings.value as { actor: string }).actor).not.toBe('Mallory');
  });

  it('answers the app page with the result union', async () => {
    const register = demoRegister();
    const result = await handleIpcCall(via(register), APP_PAGE, 'authorities.list', {});
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value as Array<{ name: string }>).length).toBeGreaterThan(0);
    const info = await handleIpcCall(via(register), APP_PAGE, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', version: '9.9.9', registerFile: register.file } });
  });

  it('rejects bad input, naming the field', async () => {
    const register = demoRegister();
    const result = await handleIpcCall(via(register), APP_PAGE, 'controls.list', { authorityId: 'one', asOf: '2026-01-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('authorityId');
    }
    const extra = await handleIpcCall(via(register), APP_PAGE, 'authorities.list', { sneaky: true });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.code).toBe('invalid_input');
  });

  it('reads the register only for a trusted sender, and answers (never throws) when none is open', async () => {
    let reads = 0;
    const closed = () => {
      reads += 1;
      throw new Error('the register is closed');
    };
    expect(await handleIpcCall(via(closed), 'https://evil.example/', 'authorities.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(reads).toBe(0);
    expect(await handleIpcCall(via(closed), APP_PAGE, 'authorities.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(reads).toBe(1);
    const register = demoRegister();
    expect(await handleIpcCall(via(() => register), APP_PAGE, 'authorities.list', {})).toMatchObject({ ok: true });
  });

  it('knows no method outside the contract', async () => {
    const register = demoRegister();
    const result = await handleIpcCall(via(register), APP_PAGE, 'register.delete', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('registerIpcHandlers', () => {
  beforeEach(() => handlers.clear());

  it('registers exactly one handler per API method, and removes them', async () => {
    const { registerIpcHandlers } = await import('../../electron/ipc.js');
    const register = demoRegister();
    const remove = registerIpcHandlers(via(register));
    expect([...handlers.keys()].sort()).toEqual([...API_METHODS].sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('trusts only the top-level frame of the app page', async () => {
    const { registerIpcHandlers } = await import('../../electron/ipc.js');
    const register = demoRegister();
    registerIpcHandlers(via(register));
    const call = handlers.get('authorities.list')!;
    const top = { url: APP_PAGE, parent: null };
    expect(await call({ senderFrame: top }, {})).toMatchObject({ ok: true });
    expect(await call({ senderFrame: { url: APP_PAGE, parent: top } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
