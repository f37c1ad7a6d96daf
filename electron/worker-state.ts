import { openRegister } from '../db/register.js';
import { openUserRegister } from '../db/user-register.js';
import type { ApiResult } from '../shared/api/methods.js';
import { dispatch, type ApiEnvironment } from './api-link.js';
import { backupRegisterTo, exportAllPackages, exportPackageTo, importPackageFile } from './file-actions.js';
import { RegisterHolder } from './register-holder.js';
import type { OpenMode, WorkerJob } from './worker-protocol.js';

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
