import type { JobStart } from '../shared/api/inputs.js';
import type { JobKind, JobResults } from '../shared/api/jobs.js';
import type { ApiErrorCode } from '../shared/api/methods.js';

/** What the runner hands a new worker. */
export interface WorkerData {
  file: string;
  actor: string | undefined;
  job: JobStart;
  /** One Int32: 0 running, 1 cancel asked. Shared, so the worker sees it even in the middle of a synchronous transaction. */
  cancel: SharedArrayBuffer;
}

/** Worker → runner. */
export type FromWorker =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'print'; request: number; html: string }
  | { type: 'done'; result: JobResults[JobKind] }
  | { type: 'cancelled' }
  | { type: 'failed'; code: ApiErrorCode; message: string };

/** Runner → worker: the answer to a print request. */
export type ToWorker = { type: 'printed'; request: number; bytes?: Uint8Array; error?: string };
