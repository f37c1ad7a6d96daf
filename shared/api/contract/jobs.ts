import { z } from 'zod';
import { entry } from '../entry.js';
import type { JobStatus } from '../jobs.js';
import { portfolioExportInput, portfolioGetInput, reportExportInput } from './reports.js';

/** At most this many packages in one import job (a consultant's folder of authorities). */
export const MAX_JOB_PACKAGES = 5000;

/** A job takes the same input as the method it stands for. */
export const jobStartInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reports.export'), input: reportExportInput }),
  z.strictObject({ kind: z.literal('portfolio.export'), input: portfolioExportInput }),
  z.strictObject({ kind: z.literal('portfolio.build'), input: portfolioGetInput }),
  z.strictObject({
    kind: z.literal('packages.import'),
    input: z.strictObject({ packages: z.array(z.strictObject({ name: z.string().trim().min(1).max(255), package: z.unknown() })).min(1).max(MAX_JOB_PACKAGES) }),
  }),
  z.strictObject({ kind: z.literal('folder.import'), input: z.strictObject({ folder: z.string().trim().min(1).max(4096) }) }),
]);
export type JobStart = z.output<typeof jobStartInput>;
const jobId = z.strictObject({ jobId: z.uuid() });

/** Heavy work (exports, imports, portfolio builds) in a worker, with progress and cancel. */
export const jobContract = {
  'jobs.start': entry<JobStatus>()(jobStartInput),
  'jobs.progress': entry<JobStatus>()(jobId),
  'jobs.cancel': entry<JobStatus>()(jobId),
};
