/**
 * Permit data as the red-flag rules read it: shipment lines of the CITES Trade
 * Database, the authority's own permit register, and export quotas. Pure
 * shapes; the import (db/permits) fills them, the rules never read files.
 */

/** One shipment line of the Trade Database's shipment-level download. */
export interface TradeRecord {
  /** The download's own `Id` column. */
  id: string;
  year: number;
  appendix: string;
  taxon: string;
  term: string;
  /** Null when the file leaves it empty. */
  quantity: number | null;
  /** Normalised unit (see units.ts); '' means "number of specimens". */
  unit: string;
  importer: string;
  exporter: string;
  origin: string;
  purpose: string;
  source: string;
  /** E: reported by the exporter; I: by the importer. */
  reporter: 'E' | 'I';
  importPermit: string;
  exportPermit: string;
  originPermit: string;
}

export const DOCUMENT_TYPES = ['export', 'import', 're-export', 'certificate'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const PERMIT_STATUSES = ['issued', 'cancelled', 'replaced', 'used', 'expired'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/**
 * One permit of the authority's register. Date-times are ISO 8601
 * (`YYYY-MM-DDTHH:MM[:SS]`, with or without an offset; without one they are
 * the office's wall-clock time). Officer and applicant are whatever the
 * register holds: pseudonyms when the import pseudonymised them.
 */
export interface RegisterPermit {
  number: string;
  documentType: DocumentType;
  receivedAt: string | null;
  issuedAt: string | null;
  officer: string;
  applicant: string;
  taxon: string;
  appendix: string;
  term: string;
  quantity: number | null;
  unit: string;
  source: string;
  purpose: string;
  partner: string;
  validUntil: string | null;
  status: PermitStatus;
  replaces: string | null;
  endorsedQuantity: number | null;
  endorsedAt: string | null;
  endorsingOfficer: string | null;
}

export interface QuotaRow {
  year: number;
  country: string;
  taxon: string;
  term: string;
  unit: string;
  quota: number;
}

export const PERMIT_FLAG_KINDS = [
  'permit-reuse',
  'reporting-mismatch',
  'source-shift',
  'quota-overrun',
  'appendix-i-commercial-wild',
  'officer-concentration',
  'out-of-hours',
  'processing-time',
  'endorsement-problem',
  'dead-permit-used',
  'number-series',
  'export-validity',
  'structuring',
] as const;
export type PermitFlagKind = (typeof PERMIT_FLAG_KINDS)[number];

export type PermitSource = 'trade' | 'register';

/**
 * One red flag on one permit. `date` (YYYY-MM-DD) places it in time for the
 * 12-month window of PI-1.2: a register permit's issue (or receipt) date, a
 * Trade Database line's year end (a year counts once it is complete).
 */
export interface PermitFlag {
  kind: PermitFlagKind;
  source: PermitSource;
  /** Trade: the export permit id (or the line id when it has none); register: the permit number. */
  permit: string;
  date: string;
  taxon: string;
  officer: string | null;
  applicant: string | null;
  /** What the rule saw, for the reader: figures and the other records involved. */
  details: Record<string, string | number>;
}

/** The date a Trade Database line counts at: the end of its reporting year. */
export function tradeDate(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** The calendar date of a register permit: issued, else received, else null. */
export function registerDate(permit: Pick<RegisterPermit, 'issuedAt' | 'receivedAt'>): string | null {
  const at = permit.issuedAt ?? permit.receivedAt;
  return at ? at.slice(0, 10) : null;
}

/** The key a trade line is flagged under: its export permit, or its own line id without one. */
export function tradePermitKey(record: Pick<TradeRecord, 'exportPermit' | 'id'>): string {
  return record.exportPermit || `line:${record.id}`;
}
