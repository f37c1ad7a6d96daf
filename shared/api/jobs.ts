import type { ImportSummary } from '../domain/records.js';
import type { Portfolio } from '../portfolio/types.js';
import type { ExportedFile } from '../report/formats.js';
import type { ApiErrorCode } from './methods.js';

/**
 * Heavy work that runs in a worker thread, off the request path, with
 * progress and cancel: report and portfolio exports, portfolio builds and
 * package imports. Each kind takes the same input as the API method it
 * stands for, so a job and a direct call cannot differ.
 */
export const JOB_KINDS = ['reports.export', 'portfolio.export', 'portfolio.build', 'packages.import', 'folder.import'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The inputs of jobs.start, jobs.progress and jobs.cancel are in inputs.ts with every other method's. */
export type { JobStart } from './inputs.js';

/** One package of an import job: imported whole, or refused with the reason (nothing of it written). */
export interface ImportedPackage {
  name: string;
  imported: boolean;
  summary?: ImportSummary;
  reason?: string;
}

export interface JobResults {
  'reports.export': ExportedFile;
  'portfolio.export': ExportedFile;
  'portfolio.build': Portfolio;
  'packages.import': ImportedPackage[];
  'folder.import': ImportedPackage[];
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** Where a job is: `done` of `total` steps, the step it is on, and its result once done. */
export interface JobStatus {
  jobId: string;
  kind: JobKind;
  state: JobState;
  done: number;
  total: number;
  /** A short name of the current step, such as "data", "render", "print" or a package's file name. */
  step: string;
  result?: JobResults[JobKind];
  error?: { code: ApiErrorCode; message: string };
}
