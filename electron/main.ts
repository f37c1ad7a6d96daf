import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, safeStorage, session, type Session, type WebContents } from 'electron';
import type { ApiEnvironment } from '../db/api/handler-types.js';
import { openUserRegister } from '../db/user-register.js';
import type { Register } from '../db/register.js';
import { registerFileFor } from './args.js';
import { confirmOpenExternal } from './dialogs.js';
import { registerIpcHandlers } from './ipc.js';
import { installMenu } from './menu.js';
import { electronPdfPrinter } from './pdf-printer.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { RegisterHolder } from './register-holder.js';
import { configureElectronKeys } from './signing-keys.js';
import { APP_ENTRY_URL, hardenedWebPreferences, isAllowedDownload, isAllowedNavigation, isSafeExternalUrl } from './security.js';

/**
 * The Electron main process: one window on one register file, the renderer
 * served from app://permit-integrity, the API over IPC. Every security rule
 * lives in security.ts (pure, unit-tested); this file only wires it in.
 * Compiled to dist/electron/main.js (ES module); the preload is bundled to
 * dist/electron/preload.cjs next to it.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const RENDERER_DIR = join(here, '..', 'renderer');

// Before 'ready': the scheme's privileges, sandbox for every renderer, and the
// user-data folder. The folder is named like the CLI's default
// (<appData>/permit-integrity), so the desktop app, `permit-integrity serve` and
// the CLI open the same register whatever productName the package carries.
registerAppScheme();
app.enableSandbox();
app.setPath('userData', join(app.getPath('appData'), 'permit-integrity'));

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the register (SQLite would be shared between two UIs): it gets focus instead.
  app.quit();
} else {
  start();
}

/**
 * The app's version from its package.json: app.getVersion() is Electron's own
 * when run unpackaged (`electron dist/electron/main.js`). The file is two levels
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
  let holder: RegisterHolder | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  app.on('window-all-closed', () => {
    holder?.close();
    app.quit();
  });
  app.on('will-quit', () => holder?.close());

  app
    .whenReady()
    .then(() => {
      const file = registerFileFor(process.argv, process.env, app.getPath('userData'));
      configureElectronKeys(app.getPath('userData'), safeStorage);
      let register: Register;
      try {
        register = openUserRegister(file);
      } catch (error) {
        dialog.showErrorBox('Permit Integrity cannot open the register', `${file}\n\n${(error as Error).message}`);
        app.quit();
        return;
      }
      const current = new RegisterHolder(register);
      holder = current;
      // PDF reports print in a hidden window of Electron's own Chromium (pdf-printer.ts), not a separate browser.
      const env: ApiEnvironment = { transport: 'electron', version: appVersion(), printPdf: electronPdfPrinter() };

      denyPermissions(session.defaultSession);
      serveRenderer(RENDERER_DIR);
      registerIpcHandlers(() => current.current, env);

      const reloadWindows = () => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
      };
      const rebuildMenu = installMenu({
        holder: current,
        env,
        packaged: app.isPackaged,
        window: () => mainWindow,
        switchRegister: (open) => {
          current.replace(open);
          rebuildMenu();
          reloadWindows();
        },
        reloadWindows,
        methodologyDoc,
      });

      mainWindow = createWindow();
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Permit Integrity could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.quit();
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

/** The app needs no camera, microphone, location, notifications, USB, HID, serial or anything else. */
function denyPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    // Only files the renderer itself produced (exported packages, evidence it holds as a blob).
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
}
