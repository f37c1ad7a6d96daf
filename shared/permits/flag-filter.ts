import type { PermitFlag, PermitFlagKind } from './records.js';

/** What the flagged-permits list (and its CSV and XLSX export) can be narrowed to. Every field is optional. */
export interface PermitFlagFilter {
  kind?: PermitFlagKind | undefined;
  /** Part of the taxon name, any case. */
  taxon?: string | undefined;
  /** The officer's or applicant's id exactly (a pseudonym unless names were kept). */
  officer?: string | undefined;
  applicant?: string | undefined;
  /** Inclusive ISO dates. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Whether a flag passes the filter: the one rule the list, the CSV and the XLSX export share. */
export function matchesFlagFilter(flag: PermitFlag, filter: PermitFlagFilter): boolean {
  const taxon = filter.taxon?.toLowerCase();
  return (
    (!filter.kind || flag.kind === filter.kind) &&
    (!taxon || flag.taxon.toLowerCase().includes(taxon)) &&
    (!filter.officer || flag.officer === filter.officer) &&
    (!filter.applicant || flag.applicant === filter.applicant) &&
    (!filter.from || flag.date >= filter.from) &&
    (!filter.to || flag.date <= filter.to)
  );
}
