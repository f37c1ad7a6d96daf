import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Menu, type BrowserWindow } from 'electron';
import { dispatchSync } from '../api/dispatch.js';
import type { ApiEnvironment } from '../api/handler-types.js';
import { openRegister, type Register } from '../db/register.js';
import type { Language } from '../shared/api/inputs.js';
import type { ApiResult } from '../shared/api/methods.js';
import type { AppInfo, Settings } from '../shared/api/results.js';
import { chooseOpenPath, chooseSavePath, confirmOpenDocument, messageBox, showError, showInfo } from './dialogs.js';
import { backupRegisterTo, exportAllPackages, exportPackageTo, importPackageFile, listAuthorities, packageFileName } from './file-actions.js';
import { buildMenuTemplate, type MenuActions } from './menu-template.js';
import type { RegisterHolder } from './register-holder.js';

export interface MenuContext {
  holder: RegisterHolder;
  env: ApiEnvironment;
  packaged: boolean;
  window(): BrowserWindow | null;
  /** Opens another register (replacing the current one) and reloads the window. */
  switchRegister(open: () => Register): void;
  reloadWindows(): void;
  /** The methodology document shipped with the app, if present. */
  methodologyDoc(): string | null;
}

const REGISTER_FILTERS = [
  { name: 'Permit Integrity register', extensions: ['sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
];
const PACKAGE_FILTERS = [
  { name: 'Assessment package', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

function explain<T>(window: BrowserWindow | null, title: string, result: ApiResult<T>): result is { ok: true; value: T } {
  if (!result.ok) void showError(window, title, result.error.message);
  return result.ok;
}

/** Builds the application menu and returns a function that rebuilds it (after a language or register change). */
export function installMenu(ctx: MenuContext): () => void {
  const win = () => ctx.window();
  const register = () => ctx.holder.current;

  const actions: MenuActions = {
    openRegister: () =>
      void (async () => {
        const file = await chooseOpenPath(win(), { title: 'Open register file', properties: ['openFile'], filters: REGISTER_FILTERS });
        if (!file) return;
        try {
          ctx.switchRegister(() => openRegister(file, { mustExist: true }));
        } catch (error) {
          await showError(win(), `Cannot open ${basename(file)}`, (error as Error).message);
        }
      })(),
    newRegister: () =>
      void (async () => {
        const filePath = await chooseSavePath(win(), { title: 'New register file', defaultPath: 'register.sqlite', filters: REGISTER_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] });
        if (!filePath) return;
        // Never replace an existing file: it may be someone's register.
        if (existsSync(filePath)) return showError(win(), 'That file already exists', `${filePath}\nUse "Open register file…" to open it, or choose a new name.`);
        try {
          ctx.switchRegister(() => openRegister(filePath));
        } catch (error) {
          await showError(win(), `Cannot create ${basename(filePath)}`, (error as Error).message);
        }
      })(),
    importPackage: () =>
      void (async () => {
        const file = await chooseOpenPath(win(), { title: 'Import package', properties: ['openFile'], filters: PACKAGE_FILTERS });
        if (!file) return;
        const result = importPackageFile(register(), ctx.env, file);
        if (!explain(win(), `${basename(file)} was not imported`, result)) return;
        const s = result.value;
        await showInfo(win(), `Imported ${s.name}`, `${s.controls} controls, ${s.evidence} evidence records, ${s.assessments} assessments, ${s.frameworks} custom frameworks.`);
        ctx.reloadWindows();
      })(),
    exportPackage: () => void exportPackage(ctx),
    backupRegister: () =>
      void (async () => {
        const stamp = new Date().toISOString().slice(0, 10);
        const filePath = await chooseSavePath(win(), { title: 'Back up register', defaultPath: `${basename(register().file, '.sqlite')}-backup-${stamp}.sqlite`, filters: REGISTER_FILTERS, properties: ['createDirectory'] });
        if (!filePath) return;
        const result = backupRegisterTo(register(), filePath);
        if (explain(win(), 'Backup failed', result)) await showInfo(win(), 'Backup written', result.value.file);
      })(),
    setLanguage: (language: Language) => {
      const result = dispatchSync(register(), ctx.env, 'settings.set', { language });
      if (!explain(win(), 'Cannot change the language', result)) return;
      rebuild();
      ctx.reloadWindows();
    },
    about: () =>
      void (async () => {
        const info = dispatchSync(register(), ctx.env, 'app.info', {}) as ApiResult<AppInfo>;
        if (!explain(win(), 'About Permit Integrity', info)) return;
        await showInfo(
          win(),
          'Permit Integrity',
          `Version ${info.value.version}\nMethodology ${info.value.methodology.id} version ${info.value.methodology.version}\nRegister: ${info.value.registerFile}`,
        );
      })(),
    methodology: () =>
      void (async () => {
        const info = dispatchSync(register(), ctx.env, 'app.info', {}) as ApiResult<AppInfo>;
        if (!explain(win(), 'Methodology', info)) return;
        const doc = ctx.methodologyDoc();
        const detail = `Scores, flags and chain risk follow methodology ${info.value.methodology.id}, version ${info.value.methodology.version}.`;
        if (!doc) return showInfo(win(), `Methodology ${info.value.methodology.id}`, detail);
        const { response } = await messageBox(win(), { type: 'info', message: `Methodology ${info.value.methodology.id}`, detail, buttons: ['OK', 'Open the methodology document…'], defaultId: 0, cancelId: 0, noLink: true });
        if (response === 1) await confirmOpenDocument(win(), doc, 'the methodology document');
      })(),
  };

  function rebuild(): void {
    const settings = dispatchSync(register(), ctx.env, 'settings.get', {}) as ApiResult<Settings>;
    const template = buildMenuTemplate(actions, { platform: process.platform, packaged: ctx.packaged, language: settings.ok ? settings.value.language : null });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
  rebuild();
  return rebuild;
}

/** Export: one authority to a file, or every authority (one file each) into a folder. */
async function exportPackage(ctx: MenuContext): Promise<void> {
  const window = ctx.window();
  const register = ctx.holder.current;
  const list = listAuthorities(register, ctx.env);
  if (!explain(window, 'Cannot list authorities', list)) return;
  if (list.value.length === 0) return showInfo(window, 'Nothing to export', 'This register has no authority yet.');
  const shown = list.value.length <= 8 ? list.value : [];
  const buttons = [...shown.map((a) => a.name), 'All authorities, one file each…', 'Cancel'];
  const { response } = await messageBox(window, {
    type: 'question',
    message: 'Export which authority?',
    detail: 'A package holds one authority, its controls, evidence metadata (with hashes, not the files) and every assessment.',
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  if (response === buttons.length - 1) return;
  const chosen = shown[response];
  if (chosen) {
    const filePath = await chooseSavePath(window, { title: `Export ${chosen.name}`, defaultPath: packageFileName(chosen), filters: PACKAGE_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] });
    if (!filePath) return;
    const result = exportPackageTo(register, ctx.env, chosen.id, filePath);
    if (explain(window, 'Export failed', result)) await showInfo(window, `Exported ${chosen.name}`, result.value.file);
    return;
  }
  const folder = await chooseOpenPath(window, { title: 'Export every authority into a folder', properties: ['openDirectory', 'createDirectory'] });
  if (!folder) return;
  const result = exportAllPackages(register, ctx.env, folder);
  if (explain(window, 'Export failed', result)) await showInfo(window, `Exported ${result.value.files.length} packages`, result.value.files.join('\n'));
}
