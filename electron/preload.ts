import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../shared/api/methods.js';

/**
 * Runs in the sandboxed preload (bundled to dist/electron/preload.cjs). The page
 * gets exactly one function per API method on window.api: no generic invoke or
 * send, no ipcRenderer, no event objects.
 */
contextBridge.exposeInMainWorld('api', Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(method, input)])));
