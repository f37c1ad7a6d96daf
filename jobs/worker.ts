/**
 * A worker thread that runs one job on its own connection to the register
 * file (SQLite in WAL mode lets it write while the main thread reads), then
 * closes the connection and ends. Started by jobs/runner.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RegisterError } from '../db/errors.js';
import { closeRegister, openRegister } from '../db/register.js';
import type { ApiErrorCode } from '../shared/api/methods.js';
import { DataValidationError } from '../shared/library/validation-error.js';
import { PackageValidationError } from '../shared/package/validate.js';
import type { FromWorker, ToWorker, WorkerData } from './protocol.js';
import { JobCancelled, runJob } from './work.js';

const data = workerData as WorkerData;
const port = parentPort!;
const cancel = new Int32Array(data.cancel);
const post = (message: FromWorker) => port.postMessage(message);

const printing = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
let nextRequest = 1;
port.on('message', (message: ToWorker) => {
  const waiting = printing.get(message.request);
  if (!waiting) return;
  printing.delete(message.request);
  if (message.bytes) waiting.resolve(message.bytes);
  else waiting.reject(new Error(message.error ?? 'printing failed'));
});

function failure(error: unknown): { code: ApiErrorCode; message: string } {
  if (error instanceof RegisterError) return { code: error.code === 'newer_database' || error.code === 'not_a_register' ? 'invalid' : error.code, message: error.message };
  if (error instanceof PackageValidationError || error instanceof DataValidationError) return { code: 'invalid', message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

const register = openRegister(data.file, { mustExist: true });
if (data.actor) register.actor = data.actor;
try {
  const result = await runJob(register, data.job, {
    progress: (done, total, step) => post({ type: 'progress', done, total, step }),
    checkCancel: () => {
      if (Atomics.load(cancel, 0) === 1) throw new JobCancelled('cancelled');
    },
    printPdf: (html) =>
      new Promise((resolve, reject) => {
        const request = nextRequest++;
        printing.set(request, { resolve, reject });
        post({ type: 'print', request, html });
      }),
  });
  if (Atomics.load(cancel, 0) === 1) post({ type: 'cancelled' });
  else post({ type: 'done', result });
} catch (error) {
  post(error instanceof JobCancelled ? { type: 'cancelled' } : { type: 'failed', ...failure(error) });
} finally {
  closeRegister(register);
  port.close();
}
