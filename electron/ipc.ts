import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiEnvironment } from '../api/handler-types.js';
import type { Register } from '../db/register.js';
import { API_METHODS } from '../shared/api/methods.js';
import { handleIpcCall } from './ipc-call.js';

/** The URL of the calling frame if it is a top-level frame; sub-frames are never trusted. */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  return frame && frame.parent === null ? frame.url : null;
}

/**
 * One `ipcMain.handle` per API method, and nothing else: there is no generic
 * channel. `getRegister` is read on every call because the menu can switch files.
 * Returns a function that removes the handlers.
 */
export function registerIpcHandlers(getRegister: () => Register, env: ApiEnvironment): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(method, (event, input: unknown) => handleIpcCall(getRegister, env, senderUrl(event), method, input));
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(method);
  };
}
