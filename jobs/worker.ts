/**
 * A worker thread that runs one job on its own connection to the register
 * file (SQLite in WAL mode lets it write while the main thread reads), then
 * closes the connection and ends. Started by jobs/runner.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { apiErrorOf } from '../api/errors.js';
import { closeRegister, openRegister } from '../db/register.js';
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

const failure = apiErrorOf;

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
