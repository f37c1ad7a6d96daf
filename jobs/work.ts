import { readyToSignReport, recordReportExport } from '../db/report-record.js';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { portfolioOf } from '../api/portfolio-handlers.js';
import { reportData } from '../api/report-handlers.js';
import { RegisterError } from '../db/errors.js';
import { registerLibrary } from '../db/frameworks.js';
import { importPackage } from '../db/package-import.js';
import type { Register } from '../db/register.js';
import { exportPortfolio } from '../exports/portfolio-export.js';
import { exportReport } from '../exports/report-export.js';
import type { JobStart } from '../shared/api/inputs.js';
import type { ImportedPackage, JobKind, JobResults } from '../shared/api/jobs.js';
import { PackageValidationError } from '../shared/package/validate.js';
import { REPORT_DETAIL } from '../shared/report/annex.js';
import { DEFAULT_K } from '../shared/portfolio/types.js';

/** Thrown at the next check after a cancel; the job's transaction (if any) rolls back on it. */
export class JobCancelled extends Error {
  override name = 'JobCancelled';
}

/** What a job's body can ask of whoever runs it. */
export interface JobContext {
  progress(done: number, total: number, step: string): void;
  /** Throws JobCancelled once cancel was asked for; called between steps. */
  checkCancel(): void;
  /** Prints HTML to PDF where printing is possible (the main thread: Chromium or Electron's printer). */
  printPdf(html: string): Promise<Uint8Array>;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function reasonOf(error: unknown): string {
  if (error instanceof PackageValidationError) {
    const shown = error.issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`);
    return `${shown.join('; ')}${error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Imports the packages one after the other inside ONE outer transaction:
 * each package is its own savepoint (a refused one leaves nothing and the
 * others go on), and a cancel rolls the whole job back, so a cancelled
 * import leaves the register exactly as it was.
 */
async function importAll(register: Register, ctx: JobContext, names: string[], read: (index: number) => Promise<unknown>): Promise<ImportedPackage[]> {
  // Files are read first (asynchronously), then written in one synchronous transaction.
  const items: Array<{ name: string; data?: unknown; reason?: string }> = [];
  for (const [index, name] of names.entries()) {
    ctx.checkCancel();
    ctx.progress(index, names.length * 2, `read ${name}`);
    try {
      items.push({ name, data: await read(index) });
    } catch (error) {
      items.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return register.db.transaction(() =>
    items.map((item, index): ImportedPackage => {
      ctx.checkCancel();
      ctx.progress(names.length + index, names.length * 2, item.name);
      if (item.reason !== undefined) return { name: item.name, imported: false, reason: item.reason };
      try {
        return { name: item.name, imported: true, summary: importPackage(register, item.data) };
      } catch (error) {
        return { name: item.name, imported: false, reason: reasonOf(error) };
      }
    }),
  )();
}

async function folderFiles(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json')).map((e) => e.name);
  } catch (error) {
    throw new RegisterError('invalid', `cannot read the folder ${folder}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
  if (!names.length) throw new RegisterError('invalid', `${folder} holds no .json package`);
  return names.sort();
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
}

/** The body of each kind of job, run in the worker on the worker's own connection to the register. */
export async function runJob(register: Register, job: JobStart, ctx: JobContext): Promise<JobResults[JobKind]> {
  switch (job.kind) {
    case 'reports.export': {
      const { id, format, language, table } = job.input;
      ctx.progress(0, 3, 'data');
      // As the API's reports.export: the key first, the file's SHA-256 into the audit log once it is built.
      readyToSignReport(register);
      const data = reportData(register, id, REPORT_DETAIL[format]);
      ctx.checkCancel();
      ctx.progress(1, 3, format === 'pdf' ? 'render' : 'build');
      const file = await exportReport(data, format, language, { table, printPdf: async (html) => (ctx.checkCancel(), ctx.progress(2, 3, 'print'), ctx.printPdf(html)) });
      ctx.checkCancel();
      recordReportExport(register, { fileName: file.fileName, bytes: file.bytes, reportFormat: format, language, assessmentUid: data.assessment.uid, digest: data.assessment.digest });
      return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: base64(file.bytes) };
    }
    case 'portfolio.export': {
      const { document, format, language, k } = job.input;
      ctx.progress(0, 3, 'data');
      const portfolio = portfolioOf(register, k ?? DEFAULT_K);
      ctx.checkCancel();
      ctx.progress(1, 3, 'build');
      const library = registerLibrary(register);
      const file = await exportPortfolio(portfolio, { frameworks: [...library.frameworks.values()], families: [...library.families.values()] }, {
        document,
        format,
        language,
        printPdf: async (html) => (ctx.checkCancel(), ctx.progress(2, 3, 'print'), ctx.printPdf(html)),
      });
      ctx.checkCancel();
      return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: base64(file.bytes) };
    }
    case 'portfolio.build': {
      ctx.progress(0, 1, 'build');
      const portfolio = portfolioOf(register, job.input.k ?? DEFAULT_K);
      ctx.checkCancel();
      return portfolio;
    }
    case 'packages.import': {
      const { packages } = job.input;
      return importAll(register, ctx, packages.map((p) => p.name), async (index) => packages[index]!.package);
    }
    case 'folder.import': {
      const { folder } = job.input;
      const names = await folderFiles(folder);
      return importAll(register, ctx, names, (index) => readJson(join(folder, names[index]!)));
    }
  }
}
