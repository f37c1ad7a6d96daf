import { PORTFOLIO_EXPORTS } from '../exports/portfolio-export.js';
import { jobRunner } from '../jobs/runner.js';
import { getAssessment } from '../db/assessments.js';
import { RegisterError } from '../db/errors.js';
import type { Handlers } from './handler-types.js';

/**
 * Heavy work (exports, imports, portfolio builds) as jobs in a worker thread:
 * `jobs.start` answers at once with the job's id, `jobs.progress` says how
 * far it is (and holds the result once done), `jobs.cancel` stops it with
 * nothing left behind. The same for browser mode (HTTP) and Electron (IPC).
 */
export const jobHandlers: Handlers<'jobs.start' | 'jobs.progress' | 'jobs.cancel'> = {
  'jobs.start': (register, input, env) => {
    // What can be refused at once is refused here, with the message the direct method gives.
    if (input.kind === 'reports.export') getAssessment(register, input.input.id);
    if (input.kind === 'portfolio.export') {
      const allowed: readonly string[] = PORTFOLIO_EXPORTS[input.input.document];
      if (!allowed.includes(input.input.format)) {
        throw new RegisterError('invalid', `the ${input.input.document} cannot be exported as ${input.input.format.toUpperCase()}; choose ${allowed.map((f) => f.toUpperCase()).join(', ')}`);
      }
    }
    return jobRunner(register).start(input, env.printPdf);
  },
  'jobs.progress': (register, input) => jobRunner(register).progress(input.jobId),
  'jobs.cancel': (register, input) => jobRunner(register).cancel(input.jobId),
};
