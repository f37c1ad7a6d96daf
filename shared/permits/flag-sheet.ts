import type { CsvCell } from '../report/csv.js';
import { reportStrings } from '../report/strings.js';
import type { PermitFlag } from './records.js';

/** The flagged-permits list as a table for CSV and XLSX: the same cells in both, in the chosen language. */
export interface FlagSheet {
  title: string;
  headers: string[];
  rows: CsvCell[][];
}

/** A flag's details as one line of text, as the screen shows them ("minutes: 12 · minimumMinutes: 60"). */
export function detailsText(details: PermitFlag['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${value}`)
    .join(' · ');
}

/**
 * One row per flag, in the order given: kind, source, permit, date, taxon,
 * officer and applicant only when the user chose to show people, details.
 * The flags come filtered and, without people, already stripped of them;
 * the columns follow the same choice so an empty column never hints at a name.
 */
export function flagSheet(flags: readonly PermitFlag[], withPeople: boolean, language: string): FlagSheet {
  const t = reportStrings(language);
  const key = (k: string) => t(`tables.flaggedPermits.${k}`);
  const columns = ['kind', 'source', 'permit', 'date', 'taxon', ...(withPeople ? ['officer', 'applicant'] : []), 'details'];
  return {
    title: key('title'),
    headers: columns.map(key),
    rows: flags.map((f) => [
      key(`kinds.${f.kind}`),
      key(`sources.${f.source}`),
      f.permit,
      f.date,
      f.taxon,
      ...(withPeople ? [f.officer, f.applicant] : []),
      detailsText(f.details),
    ]),
  };
}
