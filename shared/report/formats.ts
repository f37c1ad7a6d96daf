/** The export formats of an assessment report; every one is built from the same ReportData. */
export const REPORT_FORMATS = ['pdf', 'html', 'xlsx', 'csv', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The tables of a report, each exportable alone as CSV and together as the XLSX sheets. */
export const REPORT_TABLES = ['summary', 'criteria', 'controls', 'families', 'evidence', 'chain', 'offences', 'flags', 'action-plan', 'permit-signals'] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

export const PORTFOLIO_DOCUMENTS = ['portfolio', 'guideline'] as const;
export type PortfolioDocument = (typeof PORTFOLIO_DOCUMENTS)[number];
export const PORTFOLIO_FORMATS = ['html', 'docx', 'xlsx', 'csv', 'pdf'] as const;
export type PortfolioFormat = (typeof PORTFOLIO_FORMATS)[number];

/** A file produced for download; bytes travel as base64 like evidence files. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

/** A report as the app exports it: the file, and its signed manifest (`<file>.sig.json`) for whoever checks it later. */
export interface SignedReportFile extends ExportedFile {
  sidecar: { fileName: string; content: string };
}

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
