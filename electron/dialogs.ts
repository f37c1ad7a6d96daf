import { BrowserWindow, dialog, shell, type MessageBoxOptions, type MessageBoxReturnValue, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { isSafeExternalUrl } from './security.js';

/** A message box attached to the window when there is one. */
export function messageBox(window: BrowserWindow | null, options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

/** The chosen file or folder, or null when cancelled. */
export async function chooseOpenPath(window: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const { canceled, filePaths } = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
  return canceled ? null : (filePaths[0] ?? null);
}

/** The file to write, or null when cancelled. */
export async function chooseSavePath(window: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const { canceled, filePath } = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
  return canceled || !filePath ? null : filePath;
}

export async function showError(window: BrowserWindow | null, message: string, detail: string): Promise<void> {
  await messageBox(window, { type: 'error', message, detail, buttons: ['OK'], noLink: true });
}

export async function showInfo(window: BrowserWindow | null, message: string, detail: string): Promise<void> {
  await messageBox(window, { type: 'info', message, detail, buttons: ['OK'], noLink: true });
}

/**
 * The only way a link leaves the app: http(s) only, shown in full, opened in
 * the system browser after the user says so. Cancel is the default button.
 */
export async function confirmOpenExternal(window: BrowserWindow | null, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  const { response } = await messageBox(window, {
    type: 'question',
    message: 'Open this link in your web browser?',
    detail: url,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response !== 1) return false;
  await shell.openExternal(url);
  return true;
}

/** Opens a document that ships with the app (a local file) in the system's viewer, after confirmation. */
export async function confirmOpenDocument(window: BrowserWindow | null, file: string, title: string): Promise<boolean> {
  const { response } = await messageBox(window, {
    type: 'question',
    message: `Open ${title}?`,
    detail: `It opens in your system's default viewer:\n${file}`,
    buttons: ['Cancel', 'Open'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response !== 1) return false;
  const error = await shell.openPath(file);
  if (error) await showError(window, `Cannot open ${title}`, error);
  return !error;
}
