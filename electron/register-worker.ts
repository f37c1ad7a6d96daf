import { parentPort, workerData } from 'node:worker_threads';
import { checkDriverAbi, useNativeBinding } from '../db/driver.js';
import { configureKeyStore } from '../db/keys.js';
import { bridgedSafeStorage, type SafeStorageLink } from './safe-storage-bridge.js';
import { electronKeyStore } from './signing-keys.js';
import type { ApiEnvironment } from './api-link.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';
import { WorkerState } from './worker-state.js';

/**
 * The register worker: a worker thread of Electron's main process that owns
 * the SQLite register and runs every API call and file job, so that a large
 * export never freezes the window. Started by register-client.ts with
 * workerData = { version, nativeBinding }. It never imports Electron.
 */
export interface RegisterWorkerData {
  version: string;
  /** The Electron build of the SQLite driver (undefined: node_modules' build, under plain Node). */
  nativeBinding?: string;
  /** Where signing keys live and the link to the main process's safeStorage (absent: locks go unsigned). */
  keys?: { userDataDir: string; safeStorage: SafeStorageLink };
}

const port = parentPort;
if (!port) throw new Error('register-worker.js runs only as a worker thread');
const data = workerData as RegisterWorkerData;

// The driver must match the ABI of the runtime loading it (this thread's, which is Electron's).
let driverProblem: string | null = null;
if (data.nativeBinding) {
  const check = checkDriverAbi(data.nativeBinding, process.versions.modules);
  if (check.ok) useNativeBinding(data.nativeBinding);
  else driverProblem = `${check.problem}. Run "npm start" from the project folder to rebuild it (or reinstall the app).`;
}

if (data.keys) configureKeyStore(electronKeyStore(data.keys.userDataDir, bridgedSafeStorage(data.keys.safeStorage)));

let nextPrint = 1;
const prints = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
const send = (message: FromWorker) => port.postMessage(message);

/** PDF printing needs a BrowserWindow: the HTML goes to the main process, the bytes come back. */
const printPdf = (html: string) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const printId = nextPrint++;
    prints.set(printId, { resolve, reject });
    send({ type: 'print', printId, html });
  });

const env: ApiEnvironment = { transport: 'electron', version: data.version, printPdf };
const state = new WorkerState(env, driverProblem);

port.on('message', (message: ToWorker) => {
  if (message.type === 'printed') {
    const waiting = prints.get(message.printId);
    prints.delete(message.printId);
    if (message.bytes) waiting?.resolve(message.bytes);
    else waiting?.reject(new Error(message.error ?? 'printing failed'));
    return;
  }
  const { id } = message.request;
  void state.run(message.request, (done, total) => send({ type: 'progress', id, done, total })).then((result) => send({ type: 'result', id, result }));
});
