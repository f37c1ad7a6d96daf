import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../shared/api/methods.js';
import { handleIpcCall } from './ipc-call.js';
import type { ApiCaller } from './register-client.js';

/** The URL of the calling frame if it is a top-level frame; sub-frames are never trusted. */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  return frame && frame.parent === null ? frame.url : null;
}

/**
 * One `ipcMain.handle` per API method, and nothing else: there is no generic
 * channel. Each call goes to `call` (the register worker), so the main process
 * never waits on SQLite. Returns a function that removes the handlers.
 */
export function registerIpcHandlers(call: ApiCaller): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(method, (event, input: unknown) => handleIpcCall(call, senderUrl(event), method, input));
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(method);
  };
}
