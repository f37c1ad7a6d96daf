import type { OfficerConcentrationRow, SourceShareYear } from './charts.js';
import type { OfficerHhi } from './flags/officer-concentration.js';
import type { InvolvementRole } from './involved.js';
import type { ShownRegisterPermit } from './people.js';
import type { PermitFlag, PermitFlagKind, TradeRecord } from './records.js';

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

/** A flag as stored by a run, with the id the records dialog asks for. */
export type StoredPermitFlag = PermitFlag & { id: number };

/** One page of the latest run's flags, filtered. */
export interface PermitFlagPage {
  analysis: AnalysisSummary | null;
  total: number;
  flags: StoredPermitFlag[];
}

/** The data of the analysis charts that are not drawn from the flagged list itself. */
export interface PermitCharts {
  /** From the latest run's HHI per officer; empty without a run or a register. */
  officers: OfficerConcentrationRow[];
  /** Exporter-reported Trade Database lines as imported now, filtered by exporter and taxon when asked. */
  sources: {
    /** Every exporter with exporter-reported lines, for the filter. */
    exporters: string[];
    /** The captive sources the shares use: the latest run's source-shift parameter. */
    captiveSources: string[];
    years: SourceShareYear[];
  };
}

/** The stored records behind one flag, one page of them; people are null unless asked for. */
export interface PermitRecordsPage {
  flag: StoredPermitFlag;
  /** How many records there are in all (the page may hold fewer). */
  total: number;
  /** Trade flags: the shipment lines under the export permit, both reporters. */
  trade: TradeRecord[];
  /** Register flags: the permits involved, each with why it is shown. */
  register: Array<{ role: InvolvementRole; permit: ShownRegisterPermit }>;
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
