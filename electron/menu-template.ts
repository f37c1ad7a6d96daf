import { LANGUAGES, type Language } from '../shared/api/inputs.js';

/**
 * The application menu as plain data (no Electron import), so tests check its
 * items; menu.ts turns it into a Menu. The shape is a subset of Electron's
 * MenuItemConstructorOptions.
 */
export type MenuRole =
  | 'appMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'quit'
  | 'close'
  | 'reload'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu' | 'radio';
  accelerator?: string;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

export interface MenuActions {
  openRegister(): void;
  newRegister(): void;
  importPackage(): void;
  exportPackage(): void;
  backupRegister(): void;
  setLanguage(language: Language): void;
  about(): void;
  methodology(): void;
}

export interface MenuState {
  platform: NodeJS.Platform;
  packaged: boolean;
  /** The language stored in the register's settings (null: the system's). */
  language: Language | null;
}

/** Each language under its own name, so a reader of any of them can find theirs. */
export const LANGUAGE_LABELS: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

const separator: MenuItemSpec = { type: 'separator' };

export function buildMenuTemplate(actions: MenuActions, state: MenuState): MenuItemSpec[] {
  const mac = state.platform === 'darwin';
  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      { label: 'Open register file…', accelerator: 'CmdOrCtrl+O', click: () => actions.openRegister() },
      { label: 'New register file…', accelerator: 'CmdOrCtrl+N', click: () => actions.newRegister() },
      separator,
      { label: 'Import package…', accelerator: 'CmdOrCtrl+I', click: () => actions.importPackage() },
      { label: 'Export package…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportPackage() },
      separator,
      { label: 'Back up register…', click: () => actions.backupRegister() },
      separator,
      mac ? { role: 'close' } : { label: 'Quit', role: 'quit' },
    ],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      {
        label: 'Language',
        submenu: LANGUAGES.map((language) => ({
          label: LANGUAGE_LABELS[language],
          type: 'radio' as const,
          checked: state.language === language,
          click: () => actions.setLanguage(language),
        })),
      },
      separator,
      { role: 'reload' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      // Developer tools exist only in development runs (webPreferences.devTools is false when packaged).
      ...(state.packaged ? [] : [separator, { role: 'toggleDevTools' as const }]),
    ],
  };
  const help: MenuItemSpec = {
    label: 'Help',
    submenu: [
      { label: 'About Permit Integrity', click: () => actions.about() },
      { label: 'Methodology (PI-1)…', click: () => actions.methodology() },
    ],
  };
  return [...(mac ? [{ role: 'appMenu' as const }] : []), file, { role: 'editMenu' }, view, ...(mac ? [{ role: 'windowMenu' as const }] : []), help];
}
