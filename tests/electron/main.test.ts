import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultRegisterPath } from '../../cli/user-data.js';
import { API_METHODS } from '../../shared/api/methods.js';

/**
 * main.ts run against a stand-in for Electron (Electron itself cannot run in
 * tests): checks the start-up order and that every hook is wired to the rules
 * of security.ts, on a real register in a temporary folder. The compiled
 * dist/electron/main.js is loaded (npm run build first), because the register
 * runs in a real worker thread started from the compiled register-worker.js.
 */
const fake = vi.hoisted(() => {
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const log: string[] = [];
  const appPath = '/nonexistent/app';
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
    progress: number[] = [];
    setProgressBar(value: number) {
      this.progress.push(value);
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
    getAppPath: () => appPath,
  });
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const session = {
    requestHandler: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: { isMainFrame: boolean; requestingUrl: string }) => void),
    checkHandler: null as null | ((wc: unknown, permission: string, origin: string, details: { isMainFrame: boolean; requestingUrl?: string }) => boolean),
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
      // The OS keychain: a reversible stand-in (bytes reversed, a marker in front) that the test can read back.
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.concat([Buffer.from('ENC:'), Buffer.from(text).reverse()]),
        decryptString: (bytes: Buffer) => {
          if (bytes.subarray(0, 4).toString() !== 'ENC:') throw new Error('not encrypted by this keychain');
          return Buffer.from(bytes.subarray(4)).reverse().toString();
        },
      },
      Menu: {
        buildFromTemplate: (template: typeof menuTemplate) => template,
        setApplicationMenu: (template: typeof menuTemplate) => void (menuTemplate = template),
      },
    },
  };
});

vi.mock('electron', () => fake.module);

// The user-data folder comes from db/user-data.ts, as the CLI's does: point it at a temporary folder.
const appData = mkdtempSync(join(tmpdir(), 'permit-integrity-main-'));
fake.paths.appData = appData;
process.env.HOME = appData;
process.env.APPDATA = appData;
process.env.XDG_CONFIG_HOME = appData;
afterAll(() => rmSync(appData, { recursive: true, force: true }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const event = (url: string) => ({ url, preventDefault: vi.fn() });

describe('electron/main.ts', async () => {
  delete process.env.PERMIT_INTEGRITY_DB;
  // @ts-ignore -- the compiled main process has no type declarations
  await import('../../dist/electron/main.js');

  it('prepares the scheme, sandbox, user-data folder and instance lock before ready', async () => {
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    const userData = process.platform === 'darwin' ? join(appData, 'Library', 'Application Support', 'permit-integrity') : join(appData, 'permit-integrity');
    expect(fake.paths.userData).toBe(userData);
    // The CLI's default register is in the same folder.
    expect(dirname(defaultRegisterPath())).toBe(fake.paths.userData);
    expect(fake.BrowserWindow.all).toHaveLength(0);
  });

  it('on ready opens the register, serves app://, registers the API and opens one hardened window', async () => {
    fake.resolveReady();
    // The register opens in a worker thread before the window is created.
    await vi.waitFor(() => expect(fake.BrowserWindow.all).toHaveLength(1), { timeout: 30_000, interval: 20 });
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
    expect(result.value).toEqual([]); // a new register stays empty: the app opens to the first-run choice
    const info = await fake.ipcHandlers.get('app.info')!({ senderFrame: frame }, {}) as { value: { registerFile: string; version: string } };
    expect(info.value.registerFile).toBe(join(appData, 'permit-integrity', 'register.sqlite'));
    expect(info.value.version).not.toBe('45.5.0');
  });

  it('signs in the register worker with a key the keychain (main-process safeStorage) encrypts, never stored in clear', async () => {
    const frame = { url: 'app://permit-integrity/index.html', parent: null };
    const call = (method: string, input: unknown) => fake.ipcHandlers.get(method)!({ senderFrame: frame }, input) as Promise<{ ok: boolean; value: any; error?: unknown }>;
    const before = await call('trust.key', {});
    expect(before.ok).toBe(true);
    const exported = await call('trust.exportKey', {});
    expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
    const after = await call('trust.key', {});
    expect(after.value).toMatchObject({ canSign: true, problem: null });
    expect(after.value.fingerprint).toMatch(/\S/);
    const keyDir = join(appData, 'permit-integrity', 'keys');
    const files = readdirSync(keyDir);
    expect(files.some((f) => f.endsWith('.key.enc'))).toBe(true);
    const stored = readFileSync(join(keyDir, files.find((f) => f.endsWith('.key.enc'))!));
    expect(stored.subarray(0, 4).toString()).toBe('ENC:');
    expect(stored.toString()).not.toContain(JSON.parse(exported.value.keyFile).secretKey);
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

  it('denies every permission but clipboard writing by the app page, in both handlers, and foreign downloads', async () => {
    const granted: boolean[] = [];
    const request = (permission: string, requestingUrl: string, isMainFrame = true) => fake.session.requestHandler!(null, permission, (g) => granted.push(g), { requestingUrl, isMainFrame });
    request('clipboard-sanitized-write', 'app://permit-integrity/index.html#/assessments/2');
    request('clipboard-sanitized-write', 'https://evil.example/');
    request('clipboard-sanitized-write', 'app://permit-integrity/index.html', false);
    request('clipboard-read', 'app://permit-integrity/index.html');
    request('media', 'app://permit-integrity/index.html');
    request('notifications', 'app://permit-integrity/index.html');
    expect(granted).toEqual([true, false, false, false, false, false]);
    const check = (permission: string, origin: string, isMainFrame = true) => fake.session.checkHandler!(null, permission, origin, { isMainFrame });
    expect(check('clipboard-sanitized-write', 'app://permit-integrity')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://evil')).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://permit-integrity', false)).toBe(false);
    expect(check('clipboard-read', 'app://permit-integrity')).toBe(false);
    expect(check('geolocation', 'app://permit-integrity')).toBe(false);
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
    await vi.waitFor(() => expect(window.webContents.reloads).toBe(1), { timeout: 10_000, interval: 20 });
    const settings = await fake.ipcHandlers.get('settings.get')!({ senderFrame: { url: 'app://permit-integrity/', parent: null } }, {}) as { value: { language: string } };
    expect(settings.value.language).toBe('es');
  });

  it('on a second launch focuses the window, and opens the register it names with --db', async () => {
    const window = fake.BrowserWindow.all[0]!;
    const frame = { senderFrame: { url: 'app://permit-integrity/', parent: null } };
    const info = async () => ((await fake.ipcHandlers.get('app.info')!(frame, {})) as { value: { registerFile: string } }).value.registerFile;
    const first = await info();
    fake.app.emit('second-instance', {}, ['/opt/permit-integrity/permit-integrity', '--no-sandbox-not-really'], appData);
    expect(window.focused).toBe(1);
    await tick();
    expect(await info()).toBe(first);

    fake.app.emit('second-instance', {}, ['/opt/permit-integrity/permit-integrity', '--db', 'other.sqlite'], appData);
    expect(window.focused).toBe(2);
    await vi.waitFor(async () => expect(await info()).toBe(join(appData, 'other.sqlite')), { timeout: 10_000, interval: 20 });
    await vi.waitFor(() => expect(window.webContents.reloads).toBe(2), { timeout: 10_000, interval: 20 });
    const list = (await fake.ipcHandlers.get('authorities.list')!(frame, {})) as { ok: boolean; value: unknown[] };
    expect(list.ok).toBe(true); // a new register opens empty, to the first-run choice
  });

  it('closes the register when the last window closes, then quits', async () => {
    fake.app.emit('window-all-closed');
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(1), { timeout: 10_000, interval: 20 });
    // A call arriving after the register closed is answered, not thrown.
    const after = await fake.ipcHandlers.get('authorities.list')!({ senderFrame: { url: 'app://permit-integrity/', parent: null } }, {});
    expect(after).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
