import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, safeStorage, session, type Session, type WebContents } from 'electron';
import { driverBindingFor } from '../db/driver.js';
import { userDataDir } from '../db/user-data.js';
import { registerFileFor, secondLaunchRegister } from './args.js';
import { confirmOpenExternal, showError } from './dialogs.js';
import { registerIpcHandlers } from './ipc.js';
import { installMenu } from './menu.js';
import { electronPdfPrinter } from './pdf-printer.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { RegisterClient } from './register-client.js';
import { serveSafeStorage } from './safe-storage-bridge.js';
import { APP_ENTRY_URL, hardenedWebPreferences, isAllowedDownload, isAllowedNavigation, isAllowedPermission, isSafeExternalUrl } from './security.js';
import type { OpenMode } from './worker-protocol.js';

/**
 * The Electron main process: one window on one register file, the renderer
 * served from app://permit-integrity, the API over IPC. The register itself
 * (SQLite, every API call, the file builders) lives in a worker thread
 * (register-worker.ts), so the window never waits on it; this process keeps
 * the windows, dialogs and PDF printing. Every security rule lives in
 * security.ts (pure, unit-tested); this file only wires it in.
 * Compiled to dist/electron/main.js (ES module); the preload is bundled to
 * dist/electron/preload.cjs next to it. `npm start` launches Electron on the
 * project folder, so app.name and app.getVersion() come from package.json.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const RENDERER_DIR = join(here, '..', 'renderer');
const WORKER = new URL('./register-worker.js', import.meta.url);

// Before 'ready': the scheme's privileges, sandbox for every renderer, and the
// user-data folder. The folder comes from the same function as the CLI's
// default (db/user-data.ts), so the desktop app, `permit-integrity serve` and
// the CLI open the same register whatever productName the package carries.
registerAppScheme();
app.enableSandbox();
app.setPath('userData', userDataDir());

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the register; it receives this launch's arguments ('second-instance').
  app.quit();
} else {
  start();
}

/**
 * The app's version from its package.json: app.getVersion() is Electron's own
 * when run unpackaged on the script (`electron dist/electron/main.js`). The file is two levels
 * up from dist/electron, one level up from the electron/ sources.
 */
function appVersion(): string {
  const root = basename(dirname(here)) === 'dist' ? join(here, '..', '..') : join(here, '..');
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

function methodologyDoc(): string | null {
  const file = app.isPackaged ? join(process.resourcesPath, 'docs', 'methodology.md') : join(here, '..', '..', 'docs', 'methodology.md');
  return existsSync(file) ? file : null;
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let client: RegisterClient | null = null;
  let registerFile: string | null = null;
  let switchRegister: ((file: string, mode: OpenMode) => Promise<unknown>) | null = null;
  // A second launch that arrives while this one is still starting is served once the register is open.
  let askedBeforeReady: string | null = null;

  // A second launch: `--db OTHER` opens that register in this window; otherwise the window comes to the front.
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const other = secondLaunchRegister(argv, workingDirectory, registerFile);
    if (other && switchRegister) void switchRegister(other, 'user');
    else if (other) askedBeforeReady = other;
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const closeThenQuit = () => {
    const closing = client;
    client = null;
    void (closing ? closing.close() : Promise.resolve()).finally(() => app.quit());
  };
  app.on('window-all-closed', closeThenQuit);

  app
    .whenReady()
    .then(async () => {
      const file = registerFileFor(process.argv, process.env, app.getPath('userData'));
      const current = new RegisterClient({
        workerFile: WORKER,
        version: appVersion(),
        // Electron loads its own build of the SQLite driver (native/electron), never node_modules' Node build.
        nativeBinding: driverBindingFor(process.versions, app.getAppPath()),
        // PDF reports print in a hidden window of Electron's own Chromium (pdf-printer.ts), not a separate browser.
        printPdf: electronPdfPrinter(),
        onProgress: (value) => mainWindow?.setProgressBar(value),
        // Locks are signed in the worker with a key the OS keychain encrypts; safeStorage answers from this process.
        keys: { userDataDir: app.getPath('userData'), safeStorage: serveSafeStorage(safeStorage) },
      });
      client = current;
      const opened = await current.open(file, 'user');
      if (!opened.ok) {
        dialog.showErrorBox('Permit Integrity cannot open the register', `${file}\n\n${opened.error.message}`);
        closeThenQuit();
        return;
      }
      registerFile = opened.value.file;

      allowOnlyClipboardWrite(session.defaultSession);
      serveRenderer(RENDERER_DIR);
      registerIpcHandlers(current.call);

      const reloadWindows = () => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
      };
      let rebuildMenu: () => Promise<void> = async () => {};
      // The menu's Open/New and a second launch with --db: the new register opens first, so a failure keeps the current one.
      const openOther = async (next: string, mode: OpenMode) => {
        const result = await current.open(next, mode);
        if (result.ok) {
          registerFile = result.value.file;
          await rebuildMenu();
          reloadWindows();
        } else {
          await showError(mainWindow, `Cannot open ${basename(next)}`, `${next}\n\n${result.error.message}`);
        }
        return result;
      };
      rebuildMenu = await installMenu({
        client: current,
        packaged: app.isPackaged,
        window: () => mainWindow,
        registerFile: () => registerFile ?? file,
        switchRegister: openOther,
        reloadWindows,
        methodologyDoc,
      });
      switchRegister = openOther;
      if (askedBeforeReady) void openOther(askedBeforeReady, 'user');

      mainWindow = createWindow();
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Permit Integrity could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      closeThenQuit();
    });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Permit Integrity',
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(app.isPackaged, PRELOAD),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    dialog.showErrorBox('Permit Integrity could not load its window', error instanceof Error ? error.message : String(error));
  });
  return window;
}

/** Applied to every web contents the app ever creates (windows, and anything a page might try). */
function hardenContents(contents: WebContents): void {
  const owner = () => BrowserWindow.fromWebContents(contents) ?? null;
  // No new windows; an http(s) link is offered to the system browser after confirmation.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void confirmOpenExternal(owner(), url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(event.url)) void confirmOpenExternal(owner(), event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (app.isPackaged) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/**
 * The app needs no camera, microphone, location, notifications, USB, HID,
 * serial or anything else; only its own page may write to the clipboard
 * ("Copy digest"). The request and the check handler apply the same rule.
 */
function allowOnlyClipboardWrite(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isAllowedPermission(permission, details.requestingUrl, details.isMainFrame)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => isAllowedPermission(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame));
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    // Only files the renderer itself produced (exported packages, evidence it holds as a blob).
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
}
