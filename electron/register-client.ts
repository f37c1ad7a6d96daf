import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../shared/api/methods.js';
import type { RegisterWorkerData } from './register-worker.js';
import { isLongJob, type FromWorker, type OpenMode, type ToWorker, type WorkerJob } from './worker-protocol.js';

/** Answers an API call: how IPC and the menu reach the register worker. */
export type ApiCaller = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

export interface RegisterClientOptions extends RegisterWorkerData {
  /** The compiled worker, dist/electron/register-worker.js. */
  workerFile: URL | string;
  /** Prints report HTML to PDF (Electron's printToPDF in the app). */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** The window's progress bar: 0..1 while a long job reports steps, 2 (indeterminate) while one runs without steps, -1 when none runs. */
  onProgress?: (value: number) => void;
}

/**
 * The value for BrowserWindow.setProgressBar from the long jobs running:
 * -1 (none), the least advanced known fraction, or 2 (indeterminate).
 */
export function progressBarValue(jobs: Iterable<{ done: number; total: number } | null>): number {
  let value = -1;
  for (const job of jobs) {
    const fraction = job && job.total > 0 ? Math.min(1, job.done / job.total) : null;
    if (fraction === null) value = value === -1 ? 2 : value;
    else value = value === -1 || value === 2 ? fraction : Math.min(value, fraction);
  }
  return value;
}

/**
 * The main process's side of the register worker: one request, one promise of
 * the result union. Never throws: if the worker dies, every waiting and later
 * call is answered with an `internal` error.
 */
export class RegisterClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, (result: ApiResult<unknown>) => void>();
  readonly #long = new Map<number, { done: number; total: number } | null>();
  readonly #progress = new Map<number, (done: number, total: number) => void>();
  #next = 1;
  #stopped: string | null = null;

  constructor(private readonly options: RegisterClientOptions) {
    const workerData: RegisterWorkerData = {
      version: options.version,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.keys ? { keys: options.keys } : {}),
    };
    // The keychain link's port moves to the worker; it cannot be copied.
    this.#worker = new Worker(options.workerFile, { workerData, transferList: options.keys ? [options.keys.safeStorage.port] : [] });
    this.#worker.on('message', (message: FromWorker) => this.#receive(message));
    this.#worker.on('error', (error) => this.#stop(`the register worker failed: ${error.message}`));
    this.#worker.on('exit', (code) => this.#stop(`the register worker stopped (exit code ${code})`));
  }

  /** Sends one job; `onProgress` hears the steps of a long job. */
  request<T = unknown>(job: WorkerJob, onProgress?: (done: number, total: number) => void): Promise<ApiResult<T>> {
    if (this.#stopped) return Promise.resolve({ ok: false, error: { code: 'internal', message: this.#stopped } });
    const id = this.#next++;
    if (isLongJob(job)) this.#long.set(id, null);
    if (onProgress) this.#progress.set(id, onProgress);
    this.#reportProgress();
    return new Promise((resolve) => {
      this.#pending.set(id, resolve as (result: ApiResult<unknown>) => void);
      this.#worker.postMessage({ type: 'job', request: { ...job, id } } satisfies ToWorker);
    });
  }

  readonly call: ApiCaller = (method, input) => this.request({ kind: 'call', method: String(method), input });

  open(file: string, mode: OpenMode): Promise<ApiResult<{ file: string }>> {
    return this.request({ kind: 'open', file, mode });
  }

  /** Closes the register and ends the worker. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    await this.request({ kind: 'close' });
    this.#stop('the register is closed');
    await this.#worker.terminate();
  }

  #receive(message: FromWorker): void {
    if (message.type === 'print') return void this.#print(message.printId, message.html);
    if (message.type === 'progress') {
      if (this.#long.has(message.id)) this.#long.set(message.id, { done: message.done, total: message.total });
      this.#progress.get(message.id)?.(message.done, message.total);
      return this.#reportProgress();
    }
    const resolve = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    this.#long.delete(message.id);
    this.#progress.delete(message.id);
    this.#reportProgress();
    resolve?.(message.result);
  }

  async #print(printId: number, html: string): Promise<void> {
    let answer: ToWorker;
    try {
      if (!this.options.printPdf) throw new Error('this process cannot print PDF');
      answer = { type: 'printed', printId, bytes: await this.options.printPdf(html), error: null };
    } catch (error) {
      answer = { type: 'printed', printId, bytes: null, error: (error as Error).message };
    }
    if (!this.#stopped) this.#worker.postMessage(answer);
  }

  #reportProgress(): void {
    this.options.onProgress?.(progressBarValue(this.#long.values()));
  }

  #stop(reason: string): void {
    if (this.#stopped) return;
    this.#stopped = reason;
    for (const resolve of this.#pending.values()) resolve({ ok: false, error: { code: 'internal', message: reason } });
    this.#pending.clear();
    this.#long.clear();
    this.#reportProgress();
  }
}
