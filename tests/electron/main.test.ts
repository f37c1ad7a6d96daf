import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api/methods.js';

/**
 * main.ts run against a stand-in for Electron (Electron itself cannot run in
 * tests): checks the start-up order and that every hook is wired to the rules
 * of security.ts, on a real register in a temporary folder.
 */
const fake = vi.hoisted(() => {
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const log: string[] = [];
  const paths: Record<string, string> = {};
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  class WebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    reloads = 0;
    devToolsClosed = 0;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    reload() {
      this.reloads += 1;
    }
    closeDevTools() {
      this.devToolsClosed += 1;
    }
  }
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    static fromWebContents = (contents: WebContents) => BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
    webContents = new WebContents();
    loaded: string | null = null;
    focused = 0;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      BrowserWindow.all.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
    focus() {
      this.focused += 1;
    }
    isMinimized() {
      return false;
    }
    restore() {}
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    quitCalls: 0,
    enableSandbox: () => void log.push('enableSandbox'),
    getPath: (name: string) => paths[name] ?? join(paths.appData!, 'Electron'),
    setPath: (name: string, value: string) => void (paths[name] = value),
    requestSingleInstanceLock: () => (log.push('requestSingleInstanceLock'), true),
    whenReady: () => ready,
    quit: () => void (app.quitCalls += 1),
    getVersion: () => '45.5.0',
  });
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const session = {
    requestHandler: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    checkHandler: null as null | (() => boolean),
    deviceHandler: null as null | (() => boolean),
    events: new EventEmitter(),
  };
  const dialogs: Array<{ message?: string; detail?: string }> = [];
  const opened: string[] = [];
  let menuTemplate: Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }> = [];
  return {
    log,
    paths,
    resolveReady,
    app,
    BrowserWindow,
    ipcHandlers,
    session,
    dialogs,
    opened,
    menu: () => menuTemplate,
    module: {
      app,
      BrowserWindow,
      protocol: {
        registerSchemesAsPrivileged: () => void log.push('registerSchemesAsPrivileged'),
        handle: (scheme: string) => void log.push(`protocol.handle:${scheme}`),
      },
      ipcMain: { handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => void ipcHandlers.set(channel, handler), removeHandler: () => {} },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (h: typeof session.requestHandler) => void (session.requestHandler = h),
          setPermissionCheckHandler: (h: typeof session.checkHandler) => void (session.checkHandler = h),
          setDevicePermissionHandler: (h: typeof session.deviceHandler) => void (session.deviceHandler = h),
          on: (event: string, listener: (...args: unknown[]) => void) => void session.events.on(event, listener),
        },
      },
      dialog: {
        showErrorBox: (title: string, content: string) => void dialogs.push({ message: title, detail: content }),
        showMessageBox: (...args: unknown[]) => {
          const options = args.at(-1) as { message?: string; detail?: string };
          dialogs.push(options);
          return Promise.resolve({ response: 1, checkboxChecked: false });
        },
      },
      shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()), openPath: () => Promise.resolve('') },
      // The signing key store (electron/signing-keys.ts); this stand-in never encrypts, so locks here go unsigned.
      safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
      Menu: {
        buildFromTemplate: (template: typeof menuTemplate) => template,
        setApplicationMenu: (template: typeof menuTemplate) => void (menuTemplate = template),
      },
    },
  };
});

vi.mock('electron', () => fake.module);

const appData = mkdtempSync(join(tmpdir(), 'permit-integrity-main-'));
fake.paths.appData = appData;
afterAll(() => rmSync(appData, { recursive: true, force: true }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const event = (url: string) => ({ url, preventDefault: vi.fn() });

describe('electron/main.ts', async () => {
  delete process.env.PERMIT_INTEGRITY_DB;
  await import('../../electron/main.js');

  it('prepares the scheme, sandbox, user-data folder and instance lock before ready', async () => {
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    expect(fake.paths.userData).toBe(join(appData, 'permit-integrity'));
    expect(fake.BrowserWindow.all).toHaveLength(0);
  });

  it('on ready opens the register, serves app://, registers the API and opens one hardened window', async () => {
    fake.resolveReady();
    await tick();
    expect(fake.log).toContain('protocol.handle:app');
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...API_METHODS].sort());
    expect(fake.BrowserWindow.all).toHaveLength(1);
    const window = fake.BrowserWindow.all[0]!;
    expect(window.loaded).toBe('app://permit-integrity/index.html');
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload\.cjs$/);

    const list = fake.ipcHandlers.get('authorities.list')!;
    const frame = { url: 'app://permit-integrity/index.html', parent: null };
    const result = await list({ senderFrame: frame }, {}) as { ok: boolean; value: unknown[] };
    expect(result.ok).toBe(true);
    expect(result.value.length).toBeGreaterThan(0); // the demo, loaded into the new register
    const info = await fake.ipcHandlers.get('app.info')!({ senderFrame: frame }, {}) as { value: { registerFile: string; version: string } };
    expect(info.value.registerFile).toBe(join(appData, 'permit-integrity', 'register.sqlite'));
    expect(info.value.version).not.toBe('45.5.0');
  });

  it('blocks navigation, new windows and webviews, offering http(s) links to the browser after confirmation', async () => {
    const contents = fake.BrowserWindow.all[0]!.webContents;
    const inside = event('app://permit-integrity/index.html');
    contents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://evil/index.html']) {
      const e = event(url);
      contents.emit('will-navigate', e);
      contents.emit('will-frame-navigate', event(url));
      contents.emit('will-redirect', event(url));
      expect(e.preventDefault).toHaveBeenCalled();
    }
    await tick();
    expect(fake.opened).toEqual([]);

    const web = event('https://cites.org/');
    contents.emit('will-navigate', web);
    expect(web.preventDefault).toHaveBeenCalled();
    await tick();
    expect(fake.dialogs.at(-1)).toMatchObject({ message: 'Open this link in your web browser?', detail: 'https://cites.org/' });
    expect(fake.opened).toEqual(['https://cites.org/']);

    expect(contents.windowOpenHandler!({ url: 'app://permit-integrity/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    const webview = event('');
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('denies every permission and foreign downloads', async () => {
    const granted: boolean[] = [];
    fake.session.requestHandler!(null, 'media', (g) => granted.push(g));
    fake.session.requestHandler!(null, 'notifications', (g) => granted.push(g));
    expect(granted).toEqual([false, false]);
    expect(fake.session.checkHandler!()).toBe(false);
    expect(fake.session.deviceHandler!()).toBe(false);
    const foreign = event('');
    fake.session.events.emit('will-download', foreign, { getURL: () => 'https://evil.example/x.exe' });
    expect(foreign.preventDefault).toHaveBeenCalled();
    const own = event('');
    fake.session.events.emit('will-download', own, { getURL: () => 'blob:app://permit-integrity/1234' });
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('switches the language from the menu and reloads the window', async () => {
    const view = fake.menu().find((item) => item.label === 'View')!;
    const language = view.submenu!.find((item) => item.label === 'Language') as unknown as { submenu: Array<{ label: string; click: () => void }> };
    language.submenu.find((item) => item.label === 'Español')!.click();
    const window = fake.BrowserWindow.all[0]!;
    expect(window.webContents.reloads).toBe(1);
    const settings = await fake.ipcHandlers.get('settings.get')!({ senderFrame: { url: 'app://permit-integrity/', parent: null } }, {}) as { value: { language: string } };
    expect(settings.value.language).toBe('es');
  });

  it('focuses the window on a second launch, and closes the register when the last window closes', async () => {
    fake.app.emit('second-instance');
    expect(fake.BrowserWindow.all[0]!.focused).toBe(1);
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(1);
    // A call arriving after the register closed is answered, not thrown.
    const after = await fake.ipcHandlers.get('authorities.list')!({ senderFrame: { url: 'app://permit-integrity/', parent: null } }, {});
    expect(after).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

