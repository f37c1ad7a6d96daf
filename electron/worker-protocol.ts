import { openRegister } from '../db/register.js';
import { openUserRegister } from '../db/user-register.js';
import type { ApiResult } from '../shared/api/methods.js';
import { dispatch, type ApiEnvironment } from './api-link.js';
import { backupRegisterTo, exportAllPackages, exportPackageTo, importPackageFile } from './file-actions.js';
import { RegisterHolder } from './register-holder.js';

/**
 * What Electron's main process asks the register worker, and what comes back.
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

const failure = (code: 'internal' | 'invalid', message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

/**
 * The worker's state (the open register) and its job runner, apart from the
 * worker_threads plumbing so that it can be tested in-process too.
 */
export class WorkerState {
  #holder: RegisterHolder | null = null;

  constructor(
    private readonly env: ApiEnvironment,
    private readonly driverProblem: string | null = null,
  ) {}

  /** Runs one job; never throws. */
  async run(job: WorkerJob, progress: (done: number, total: number) => void): Promise<ApiResult<unknown>> {
    try {
      return await this.#run(job, progress);
    } catch (error) {
      return failure('internal', (error as Error).message);
    }
  }

  async #run(job: WorkerJob, progress: (done: number, total: number) => void): Promise<ApiResult<unknown>> {
    if (job.kind === 'open') return this.#open(job.file, job.mode);
    if (job.kind === 'close') {
      this.#holder?.close();
      this.#holder = null;
      return { ok: true, value: null };
    }
    if (!this.#holder?.isOpen) return failure('internal', 'no register is open');
    const register = this.#holder.current;
    switch (job.kind) {
      case 'call':
        return dispatch(register, this.env, job.method, job.input);
      case 'exportPackage':
        return exportPackageTo(register, this.env, job.authorityId, job.file);
      case 'exportAll':
        return exportAllPackages(register, this.env, job.folder, progress);
      case 'importFile':
        return importPackageFile(register, this.env, job.file);
      case 'backup':
        return backupRegisterTo(register, job.file);
    }
  }

  /** Opens the new register first, so a failure leaves the current one in use. */
  #open(file: string, mode: OpenMode): ApiResult<{ file: string }> {
    if (this.driverProblem) return failure('internal', this.driverProblem);
    const open = () => (mode === 'user' ? openUserRegister(file) : openRegister(file, { mustExist: mode === 'existing' }));
    if (this.#holder) this.#holder.replace(open);
    else this.#holder = new RegisterHolder(open());
    return { ok: true, value: { file: this.#holder.current.file } };
  }
}
