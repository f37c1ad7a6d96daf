import { parentPort, workerData } from 'node:worker_threads';
import { RegisterError } from '../errors.js';
import { closeRegister, openRegister } from '../register.js';
import { importPermitFiles, ImportRefused, type ImportRequest } from './import.js';

/**
 * Worker-thread side of an import: its own connection to the register, so
 * the app's connection stays free for reading while a million rows stream in.
 * Messages: in {type:'cancel'}; out {type:'progress'|'done'|'error'}.
 */
const { file, request } = workerData as { file: string; request: ImportRequest };
const controller = new AbortController();
parentPort!.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

const register = openRegister(file, { mustExist: true });
importPermitFiles(register, request, { signal: controller.signal, onProgress: (progress) => parentPort!.postMessage({ type: 'progress', progress }) })
  .then((summary) => parentPort!.postMessage({ type: 'done', summary }))
  .catch((error: unknown) => {
    const e = error as Error;
    parentPort!.postMessage({
      type: 'error',
      error: {
        name: e.name,
        message: e.message,
        code: error instanceof RegisterError ? error.code : null,
        refused: error instanceof ImportRefused ? { file: error.file, line: error.line, reason: error.reason } : null,
      },
    });
  })
  .finally(() => {
    closeRegister(register);
    // Without this the message listener keeps the worker, and the program that started it, alive.
    parentPort!.close();
  });
