import type { OfficerHhi } from './flags/officer-concentration.js';
import type { PermitFlag, PermitFlagKind } from './records.js';

/** What the import, the analysis and the API report about permit data. */
export type PermitFormat = 'trade-db' | 'register' | 'quotas';
export const PERMIT_FORMATS: readonly PermitFormat[] = ['trade-db', 'register', 'quotas'];

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
}

export interface ImportedFile {
  name: string;
  sha256: string;
  size: number;
  rows: number;
}

export interface ImportSummary {
  uid: string;
  format: PermitFormat;
  files: ImportedFile[];
  rowsRead: number;
  rowsStored: number;
  rowsRejected: number;
  /** Stored rows whose unit had no known conversion (kept, compared only within their unit). */
  unknownUnits: number;
  /** The first rejected rows (all of them are in the register). */
  rejects: Array<{ file: string; line: number; reason: string }>;
}

export interface AnalysisSummary {
  uid: string;
  analysedAt: string;
  /** SHA-256 over the digests of every imported file and the quota table: what the run read. */
  inputDigest: string;
  tradeLines: number;
  registerPermits: number;
  quotas: number;
  /** First and last date of the data (Trade Database years count at their year end). */
  period: { from: string | null; to: string | null };
  flagsByKind: Record<PermitFlagKind, number>;
  flaggedPermits: number;
  officerHhi: OfficerHhi[];
}

/** One page of the latest run's flags, filtered. */
export interface PermitFlagPage {
  analysis: AnalysisSummary | null;
  total: number;
  flags: PermitFlag[];
}

/** The first lines of a permit file, for mapping its columns before the import. */
export interface ColumnPreview {
  /** The file read (a folder's first .csv or .xlsx file). */
  file: string;
  /** The header, trimmed, in file order. */
  columns: string[];
  /** The first rows, each as long as the header. */
  rows: string[][];
}
