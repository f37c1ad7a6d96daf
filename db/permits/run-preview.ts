import { Worker } from 'node:worker_threads';
import { RegisterError, type RegisterErrorCode } from '../errors.js';
import type { ColumnPreview } from './preview.js';
import { permitWorkerUrl } from './worker-url.js';

/** The header and first rows of a permit file, read in a worker (dist/db/permits/preview-worker.js). */
export function previewInWorker(path: string): Promise<ColumnPreview> {
  const worker = new Worker(permitWorkerUrl('preview-worker.js'), { workerData: { path } });
  return new Promise<ColumnPreview>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: { type: string; preview?: ColumnPreview; error?: { message: string; code: RegisterErrorCode | null } }) => {
      settled = true;
      if (message.type === 'done') resolve(message.preview!);
      else if (message.error!.code) reject(new RegisterError(message.error!.code, message.error!.message));
      else reject(new Error(message.error!.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the preview worker stopped (exit code ${code}) before answering`));
    });
  });
}
