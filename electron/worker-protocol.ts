import type { ApiResult } from '../shared/api/methods.js';

/**
 * What Electron's main process asks the register worker, and what comes back
 * (types only, plus which jobs are long: the main process loads this file
 * without loading the register or the API).
 * All SQLite work, the XLSX/DOCX builders and the HTML of PDF reports run in
 * the worker; only printing (a BrowserWindow) goes back to the main process.
 */
export type OpenMode = 'user' | 'existing' | 'new';

export type WorkerJob =
  | { kind: 'open'; file: string; mode: OpenMode }
  | { kind: 'call'; method: string; input: unknown }
  | { kind: 'exportPackage'; authorityId: number; file: string }
  | { kind: 'exportAll'; folder: string }
  | { kind: 'importFile'; file: string }
  | { kind: 'backup'; file: string }
  | { kind: 'close' };

export type WorkerRequest = WorkerJob & { id: number };

/** Main process → worker: a job, or the answer to a print request. */
export type ToWorker = { type: 'job'; request: WorkerRequest } | { type: 'printed'; printId: number; bytes: Uint8Array | null; error: string | null };

/** Worker → main process. */
export type FromWorker =
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'print'; printId: number; html: string };

/** API methods that can take long (files built or read): the window shows progress while they run. */
export const LONG_METHODS: ReadonlySet<string> = new Set(['reports.export', 'portfolio.export', 'packages.export', 'packages.import', 'register.backup']);

export function isLongJob(job: WorkerJob): boolean {
  return job.kind === 'call' ? LONG_METHODS.has(job.method) : job.kind !== 'open' && job.kind !== 'close';
}
