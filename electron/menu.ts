import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Menu, type BrowserWindow } from 'electron';
import type { Language } from '../shared/api/inputs.js';
import type { ApiResult } from '../shared/api/methods.js';
import type { AppInfo, Settings } from '../shared/api/results.js';
import { chooseOpenPath, chooseSavePath, confirmOpenDocument, messageBox, showError, showInfo } from './dialogs.js';
import type { AuthorityRecord, ImportSummary } from '../shared/domain/records.js';
import { packageFileName } from './package-file-name.js';
import { buildMenuTemplate, type MenuActions } from './menu-template.js';
import type { RegisterClient } from './register-client.js';
import type { OpenMode } from './worker-protocol.js';

/**
 * Every menu action runs its file and database work in the register worker
 * (through `client`); this process only shows dialogs.
 */
export interface MenuContext {
  client: RegisterClient;
  packaged: boolean;
  window(): BrowserWindow | null;
  /** The open register's file. */
  registerFile(): string;
  /** Opens another register (replacing the current one, which stays open on failure), reloads the window, and shows any failure. */
  switchRegister(file: string, mode: OpenMode): Promise<ApiResult<{ file: string }>>;
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
export async function installMenu(ctx: MenuContext): Promise<() => Promise<void>> {
  const win = () => ctx.window();
  const { client } = ctx;

  const actions: MenuActions = {
    openRegister: () =>
      void (async () => {
        const file = await chooseOpenPath(win(), { title: 'Open register file', properties: ['openFile'], filters: REGISTER_FILTERS });
        if (!file) return;
        await ctx.switchRegister(file, 'existing');
      })(),
    newRegister: () =>
      void (async () => {
        const filePath = await chooseSavePath(win(), { title: 'New register file', defaultPath: 'register.sqlite', filters: REGISTER_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] });
        if (!filePath) return;
        // Never replace an existing file: it may be someone's register.
        if (existsSync(filePath)) return showError(win(), 'That file already exists', `${filePath}\nUse "Open register file…" to open it, or choose a new name.`);
        await ctx.switchRegister(filePath, 'new');
      })(),
    importPackage: () =>
      void (async () => {
        const file = await chooseOpenPath(win(), { title: 'Import package', properties: ['openFile'], filters: PACKAGE_FILTERS });
        if (!file) return;
        const result = await client.request<ImportSummary>({ kind: 'importFile', file });
        // A new signing key is refused with a hint to the Authorities screen (electron/file-actions.ts).
        if (!explain(win(), `${basename(file)} was not imported`, result)) return;
        const s = result.value;
        await showInfo(win(), `Imported ${s.name}`, `${s.controls} controls, ${s.evidence} evidence records, ${s.assessments} assessments, ${s.frameworks} custom frameworks.`);
        ctx.reloadWindows();
      })(),
    exportPackage: () => void exportPackage(ctx),
    backupRegister: () =>
      void (async () => {
        const stamp = new Date().toISOString().slice(0, 10);
        const filePath = await chooseSavePath(win(), { title: 'Back up register', defaultPath: `${basename(ctx.registerFile(), '.sqlite')}-backup-${stamp}.sqlite`, filters: REGISTER_FILTERS, properties: ['createDirectory'] });
        if (!filePath) return;
        const result = await client.request<{ file: string }>({ kind: 'backup', file: filePath });
        if (explain(win(), 'Backup failed', result)) await showInfo(win(), 'Backup written', result.value.file);
      })(),
    setLanguage: (language: Language) =>
      void (async () => {
        const result = await client.call('settings.set', { language });
        if (!explain(win(), 'Cannot change the language', result)) return;
        await rebuild();
        ctx.reloadWindows();
      })(),
    about: () =>
      void (async () => {
        const info = (await client.call('app.info', {})) as ApiResult<AppInfo>;
        if (!explain(win(), 'About Permit Integrity', info)) return;
        await showInfo(
          win(),
          'Permit Integrity',
          `Version ${info.value.version}\nMethodology ${info.value.methodology.id} version ${info.value.methodology.version}\nRegister: ${info.value.registerFile}`,
        );
      })(),
    methodology: () =>
      void (async () => {
        const info = (await client.call('app.info', {})) as ApiResult<AppInfo>;
        if (!explain(win(), 'Methodology', info)) return;
        const doc = ctx.methodologyDoc();
        const detail = `Scores, flags and chain risk follow methodology ${info.value.methodology.id}, version ${info.value.methodology.version}.`;
        if (!doc) return showInfo(win(), `Methodology ${info.value.methodology.id}`, detail);
        const { response } = await messageBox(win(), { type: 'info', message: `Methodology ${info.value.methodology.id}`, detail, buttons: ['OK', 'Open the methodology document…'], defaultId: 0, cancelId: 0, noLink: true });
        if (response === 1) await confirmOpenDocument(win(), doc, 'the methodology document');
      })(),
  };

  async function rebuild(): Promise<void> {
    const settings = (await client.call('settings.get', {})) as ApiResult<Settings>;
    const template = buildMenuTemplate(actions, { platform: process.platform, packaged: ctx.packaged, language: settings.ok ? settings.value.language : null });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
  await rebuild();
  return rebuild;
}

/** Export: one authority to a file, or every authority (one file each) into a folder. */
async function exportPackage(ctx: MenuContext): Promise<void> {
  const window = ctx.window();
  const { client } = ctx;
  const list = (await client.call('authorities.list', {})) as ApiResult<AuthorityRecord[]>;
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
    const result = await client.request<{ file: string }>({ kind: 'exportPackage', authorityId: chosen.id, file: filePath });
    if (explain(window, 'Export failed', result)) await showInfo(window, `Exported ${chosen.name}`, result.value.file);
    return;
  }
  const folder = await chooseOpenPath(window, { title: 'Export every authority into a folder', properties: ['openDirectory', 'createDirectory'] });
  if (!folder) return;
  const result = await client.request<{ files: string[] }>({ kind: 'exportAll', folder });
  if (explain(window, 'Export failed', result)) await showInfo(window, `Exported ${result.value.files.length} packages`, result.value.files.join('\n'));
}
