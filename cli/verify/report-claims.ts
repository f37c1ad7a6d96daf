import { existsSync } from 'node:fs';
import type { Snapshot } from '../../shared/snapshot/schema.js';
import { InputError } from '../errors.js';
import { printedDigest } from './read-digest.js';
import { reportFigureCheck, type FigureCheck } from './read-figures.js';
import { readReport, type ReportContent } from './report-content.js';
import { readableFile } from './readable-file.js';

/** A report given to `verify --report`, read once: its content (or why it cannot be read) and what its sidecar says. */
export interface OpenedReport {
  file: string;
  content: ReportContent | null;
  error: InputError | null;
  sidecar: { digest: string | null; language: string | null } | null;
}

export async function openReport(file: string): Promise<OpenedReport> {
  let content: ReportContent | null = null;
  let error: InputError | null = null;
  try {
    content = await readReport(file, readableFile(file));
  } catch (caught) {
    if (!(caught instanceof InputError)) throw caught;
    error = caught;
  }
  return { file, content, error, sidecar: readSidecar(`${file}.sig.json`) };
}

function readSidecar(sidecar: string): OpenedReport['sidecar'] {
  if (!existsSync(sidecar)) return null;
  try {
    const data = JSON.parse(readableFile(sidecar).toString('utf8')) as { digest?: unknown; language?: unknown };
    return {
      digest: typeof data.digest === 'string' && /^[0-9a-f]{64}$/.test(data.digest) ? data.digest : null,
      language: typeof data.language === 'string' ? data.language : null,
    };
  } catch {
    return { digest: null, language: null };
  }
}

/** The digest the report prints or, for a CSV table that prints none, the one in its signed sidecar. */
export function claimedDigest(report: OpenedReport): string {
  const printed = report.content ? printedDigest(report.content) : null;
  const digest = printed ?? report.sidecar?.digest ?? null;
  if (digest) return digest;
  if (report.error) throw report.error;
  if (report.content?.kind === 'csv') throw new InputError(`${report.file} prints no digest (only the summary table does) and has no sidecar ${report.file}.sig.json to take it from`);
  throw new InputError(`${report.file} carries no digest: it is a report of an assessment that was not locked`);
}

/** The report's figures read back and compared; a file that cannot be read is itself a difference. */
export function figureCheck(report: OpenedReport, snapshot: Snapshot): FigureCheck {
  if (!report.content) return { read: 0, what: [], differences: [`the report's figures cannot be read: ${report.error?.message ?? 'unknown reason'}`], note: null };
  return reportFigureCheck(report.content, snapshot, report.sidecar?.language ?? null);
}
