import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RegisterError } from '../db/errors.js';
import type { Register } from '../db/register.js';
import type { JobStart } from '../shared/api/inputs.js';
import type { JobStatus } from '../shared/api/jobs.js';
import type { FromWorker, ToWorker, WorkerData } from './protocol.js';

/** Finished jobs are kept this long for a last `jobs.progress`, then forgotten. */
const KEEP_FINISHED = 100;

/**
 * The compiled worker. Relative to dist/<one folder>/, which holds for
 * dist/jobs/runner.js and for the CLI bundle's chunks in dist/cli/ alike; when
 * this file runs from source (tests), the compiled worker in dist/ is used.
 */
export function workerFile(): string {
  const beside = fileURLToPath(new URL('../jobs/worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../dist/jobs/worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`the job worker is not built (${built} is missing); run: npm run build`);
}

type Printer = (html: string) => Promise<Uint8Array>;

interface Running {
  status: JobStatus;
  worker: Worker | null;
  cancel: Int32Array;
  finished: Promise<JobStatus>;
}

/**
 * Runs jobs in worker threads for one register: each job gets its own worker
 * and its own SQLite connection, reports progress, and can be cancelled.
 * A PDF is printed here, on the main thread, where the warm Chromium (or
 * Electron's printer) lives; the worker sends the HTML and waits.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Running>();

  constructor(private readonly register: Register) {}

  start(job: JobStart, printPdf?: Printer): JobStatus {
    const jobId = randomUUID();
    const cancel = new SharedArrayBuffer(4);
    const data: WorkerData = { file: this.register.file, actor: this.register.actor, job, cancel };
    const worker = new Worker(workerFile(), { workerData: data });
    const status: JobStatus = { jobId, kind: job.kind, state: 'running', done: 0, total: 1, step: 'start' };
    let settle!: (status: JobStatus) => void;
    const running: Running = { status, worker, cancel: new Int32Array(cancel), finished: new Promise((resolve) => (settle = resolve)) };
    const finish = (patch: Partial<JobStatus>) => {
      if (status.state !== 'running') return;
      Object.assign(status, patch);
      running.worker = null;
      settle({ ...status });
      this.forgetOld();
    };
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'progress':
          Object.assign(status, { done: message.done, total: message.total, step: message.step });
          return;
        case 'print':
          void print(message.html, printPdf).then(
            (bytes) => worker.postMessage({ type: 'printed', request: message.request, bytes } satisfies ToWorker),
            (error: unknown) => worker.postMessage({ type: 'printed', request: message.request, error: error instanceof Error ? error.message : String(error) } satisfies ToWorker),
          );
          return;
        case 'done':
          return finish({ state: 'done', done: status.total, step: 'done', result: message.result });
        case 'cancelled':
          return finish({ state: 'cancelled', step: 'cancelled' });
        case 'failed':
          return finish({ state: 'failed', step: 'failed', error: { code: message.code, message: message.message } });
      }
    });
    worker.on('error', (error) => finish({ state: 'failed', step: 'failed', error: { code: 'internal', message: error.message } }));
    worker.on('exit', (code) => finish({ state: 'failed', step: 'failed', error: { code: 'internal', message: `the job's worker stopped (exit code ${code})` } }));
    this.jobs.set(jobId, running);
    return { ...status };
  }

  private get(jobId: string): Running {
    const running = this.jobs.get(jobId);
    if (!running) throw new RegisterError('not_found', `no job ${jobId}`);
    return running;
  }

  progress(jobId: string): JobStatus {
    return { ...this.get(jobId).status };
  }

  /**
   * Asks the job to stop at its next check. An import rolls back whole; an
   * export's file is dropped. Answers at once; `wait` gives the final state.
   */
  cancel(jobId: string): JobStatus {
    const running = this.get(jobId);
    if (running.status.state === 'running') Atomics.store(running.cancel, 0, 1);
    return { ...running.status };
  }

  wait(jobId: string): Promise<JobStatus> {
    return this.get(jobId).finished;
  }

  /** Cancels every running job and waits for their workers to end (the register is closing). */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.status.state === 'running');
    for (const job of running) Atomics.store(job.cancel, 0, 1);
    await Promise.all(running.map((job) => job.finished));
  }

  private forgetOld(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}

async function print(html: string, printPdf?: Printer): Promise<Uint8Array> {
  const { htmlToPdf } = await import('../exports/pdf.js');
  return htmlToPdf(html, printPdf);
}

const runners = new WeakMap<Register, JobRunner>();

/** The one job runner of a register connection (browser mode's server and Electron's main process each hold one). */
export function jobRunner(register: Register): JobRunner {
  let runner = runners.get(register);
  if (!runner) {
    runner = new JobRunner(register);
    runners.set(register, runner);
  }
  return runner;
}
