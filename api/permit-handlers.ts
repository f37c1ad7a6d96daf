import { compareStrings } from '../shared/domain/compare.js';
import { PERMIT_RULE_DEFAULTS } from '../shared/permits/analyse.js';
import { officerConcentration, sourceShares } from '../shared/permits/charts.js';
import { matchesFlagFilter, type PermitFlagFilter } from '../shared/permits/flag-filter.js';
import { flagSheet } from '../shared/permits/flag-sheet.js';
import { flagWithoutPeople } from '../shared/permits/people.js';
import type { ImportProgress, StoredPermitFlag } from '../shared/permits/summaries.js';
import { MEDIA_TYPES } from '../shared/report/formats.js';
import { writeSheetFile } from '../exports/sheet-file.js';
import { getControl } from '../db/controls.js';
import { addEvidence, getEvidence } from '../db/evidence.js';
import { RegisterError } from '../db/errors.js';
import { getAuthority } from '../db/authorities.js';
import { analysisFlags, analysisParams, latestAnalysis, type StoredAnalysis } from '../db/permits/analysis.js';
import { listMappingProfiles, saveMappingProfile } from '../db/permits/mappings.js';
import { flagRecords } from '../db/permits/records.js';
import type { Register } from '../db/register.js';
import { startImport, type RunningImport } from '../db/permits/run-import.js';
import { analyseInWorker } from '../db/permits/run-analysis.js';
import { previewInWorker } from '../db/permits/run-preview.js';
import type { Handlers } from './handler-types.js';
import { cachedExporters, cachedSourceCounts } from './permit-chart-cache.js';

/**
 * The latest run's flags that pass the filter, people kept only when asked
 * for. Filtering by a person without showing people is refused: the answer
 * would tell whether that person issued or applied for a flagged permit.
 */
function filteredFlags(register: Register, input: PermitFlagFilter & { authorityId: number; withPeople: boolean }): { run: StoredAnalysis | null; flags: StoredPermitFlag[] } {
  getAuthority(register, input.authorityId);
  if (!input.withPeople && (input.officer || input.applicant)) throw new RegisterError('invalid', `${input.officer ? 'officer' : 'applicant'}: filtering by a person needs withPeople`);
  const run = latestAnalysis(register, input.authorityId);
  if (!run) return { run, flags: [] };
  return { run, flags: analysisFlags(register, run.id).filter((f) => matchesFlagFilter(f, input)) };
}

/** Imports running in workers, by the job id the caller chose, with their latest progress. */
const jobs = new Map<string, { running: RunningImport; progress: ImportProgress | null }>();

export const permitHandlers: Handlers<
  | 'permits.import'
  | 'permits.previewColumns'
  | 'permits.progress'
  | 'permits.cancel'
  | 'permits.mappings'
  | 'permits.saveMapping'
  | 'permits.analyse'
  | 'permits.flags'
  | 'permits.exportFlags'
  | 'permits.charts'
  | 'permits.records'
  | 'permits.attachEvidence'
> = {
  'permits.import': async (register, input) => {
    getAuthority(register, input.authorityId);
    if (jobs.has(input.jobId)) throw new RegisterError('conflict', `jobId: an import with id ${input.jobId} is already running`);
    if (input.format === 'register' && !input.mapping) throw new RegisterError('invalid', 'mapping: the register format needs a column mapping');
    const job: { running: RunningImport; progress: ImportProgress | null } = { running: null as never, progress: null };
    job.running = startImport(register.file, { authorityId: input.authorityId, format: input.format, paths: input.paths, mapping: input.mapping, pseudonymise: input.pseudonymise }, (p) => {
      job.progress = p;
    });
    jobs.set(input.jobId, job);
    try {
      return await job.running.done;
    } finally {
      jobs.delete(input.jobId);
    }
  },
  // In a worker: unpacking a large workbook would otherwise hold up every other request.
  'permits.previewColumns': (_register, input) => previewInWorker(input.path),
  'permits.progress': (_register, input) => jobs.get(input.jobId)?.progress ?? null,
  'permits.cancel': (_register, input) => {
    const job = jobs.get(input.jobId);
    job?.running.cancel();
    return { cancelled: job !== undefined };
  },
  'permits.mappings': (register) => listMappingProfiles(register),
  'permits.saveMapping': (register, input) => saveMappingProfile(register, input.profile),
  'permits.analyse': (register, input) => {
    getAuthority(register, input.authorityId);
    // A million rows take tens of seconds: in a worker, so the app keeps answering meanwhile.
    return analyseInWorker(register, input.authorityId);
  },
  'permits.flags': (register, input) => {
    const { run, flags } = filteredFlags(register, input);
    if (!run) return { analysis: null, total: 0, flags: [] };
    const page = flags.slice(input.offset, input.offset + input.limit);
    return {
      analysis: input.withPeople ? run.summary : { ...run.summary, officerHhi: [] },
      total: flags.length,
      // Personal data stay out unless the user chose to see them (details name people too).
      flags: input.withPeople ? page : page.map(flagWithoutPeople),
    };
  },
  'permits.exportFlags': async (register, input) => {
    const { run, flags } = filteredFlags(register, input);
    if (!run) throw new RegisterError('invalid', 'no analysis run yet: import permit data and run the analysis first');
    const sheet = flagSheet(input.withPeople ? flags : flags.map(flagWithoutPeople), input.withPeople, input.language);
    const bytes = await writeSheetFile(sheet, input.format, sheet.title);
    return { fileName: `flagged-permits-${run.analysedAt.slice(0, 10)}-${input.language}.${input.format}`, mediaType: MEDIA_TYPES[input.format], contentBase64: Buffer.from(bytes).toString('base64') };
  },
  'permits.charts': (register, input) => {
    getAuthority(register, input.authorityId);
    const run = latestAnalysis(register, input.authorityId);
    // The shares use the captive sources the latest run's source-shift rule used.
    const params = run ? analysisParams(register, run.id) : PERMIT_RULE_DEFAULTS;
    const captiveSources = [...params.sourceShift.captiveSources];
    return {
      officers: run ? officerConcentration(run.summary.officerHhi, input.withPeople) : [],
      sources: {
        exporters: cachedExporters(register, input.authorityId),
        captiveSources,
        years: sourceShares(cachedSourceCounts(register, input.authorityId, { exporter: input.exporter, taxon: input.taxon }), captiveSources),
      },
    };
  },
  'permits.records': (register, input) => {
    getAuthority(register, input.authorityId);
    return flagRecords(register, input);
  },
  'permits.attachEvidence': (register, input) => {
    const control = getControl(register, input.controlId);
    if (control.authorityId !== input.authorityId) throw new RegisterError('invalid', `controlId: control ${input.controlId} belongs to another authority`);
    const run = latestAnalysis(register, input.authorityId);
    if (!run) throw new RegisterError('invalid', 'no analysis run yet: import permit data and run the analysis first');
    // The summary without people, as a file whose SHA-256 the evidence keeps; it names the input digest.
    const summary = { ...run.summary, officerHhi: run.summary.officerHhi.map(({ permits, applicants, hhi }) => ({ permits, applicants, hhi })) };
    const kinds = Object.entries(run.summary.flagsByKind).filter(([, n]) => n > 0).sort((a, b) => compareStrings(a[0], b[0]));
    const content = new TextEncoder().encode(`${JSON.stringify({ kind: 'permit-integrity/permit-analysis', ...summary, flagsByKind: Object.fromEntries(kinds) }, null, 2)}\n`);
    const row = addEvidence(
      register,
      control.id,
      { title: `Permit-data analysis of ${run.analysedAt.slice(0, 10)}: ${run.summary.flaggedPermits} permits flagged (input ${run.inputDigest.slice(0, 12)})`, date: run.analysedAt.slice(0, 10) },
      { name: `permit-analysis-${run.uid}.json`, mediaType: 'application/json', content },
    );
    return getEvidence(register, row.id);
  },
};
