import { Worker } from 'node:worker_threads';
import type { AnalysisSummary } from '../../shared/permits/summaries.js';
import { RegisterError, type RegisterErrorCode } from '../errors.js';
import type { Register } from '../register.js';
import { permitWorkerUrl } from './worker-url.js';

/**
 * Runs the red-flag pass for an authority in a worker thread with its own
 * connection to the register file, so the app answers other calls meanwhile.
 * The run is stored as the caller's actor, at the caller's clock reading.
 */
export function analyseInWorker(register: Register, authorityId: number): Promise<AnalysisSummary> {
  const worker = new Worker(permitWorkerUrl('analysis-worker.js'), {
    workerData: { file: register.file, authorityId, actor: register.actor ?? null, now: register.now() },
    // The same young generation as the import: the pass makes millions of short-lived objects.
    resourceLimits: { maxYoungGenerationSizeMb: 192 },
  });
  return new Promise<AnalysisSummary>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: { type: 'done'; summary: AnalysisSummary } | { type: 'error'; error: { message: string; code: RegisterErrorCode | null } }) => {
      settled = true;
      if (message.type === 'done') resolve(message.summary);
      else reject(message.error.code ? new RegisterError(message.error.code, message.error.message) : new Error(message.error.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the analysis worker stopped (exit code ${code}) before finishing; no run was stored`));
    });
  });
}
