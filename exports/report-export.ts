import { MEDIA_TYPES, type ReportFormat, type ReportTableId } from '../shared/report/formats.js';
import type { ReportData } from '../shared/report/report-data.js';
import { reportTableCsv } from '../shared/report/csv-tables.js';
import { renderReportHtml } from '../report/render.js';
import { htmlToPdf, type PdfPrinter } from './pdf.js';
import { buildReportXlsx } from './xlsx.js';
import { buildActionPlanDocx } from './docx.js';

export interface ExportOutput {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** A file name that says what it is and is safe on every system. */
export function exportFileName(data: ReportData, suffix: string, extension: string): string {
  const base = `${data.authority.name} ${data.assessment.title} ${data.assessment.asOf} ${suffix}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 120);
  return `${base}.${extension}`;
}

/**
 * One assessment report in one format and language. Every format is built
 * from the same ReportData, so they cannot disagree with each other or the screen.
 */
export async function exportReport(data: ReportData, format: ReportFormat, language: string, options: { table?: ReportTableId; printPdf?: PdfPrinter } = {}): Promise<ExportOutput> {
  const encoder = new TextEncoder();
  switch (format) {
    case 'html':
      return { fileName: exportFileName(data, `report-${language}`, 'html'), mediaType: MEDIA_TYPES.html, bytes: encoder.encode(renderReportHtml(data, language)) };
    case 'pdf':
      return { fileName: exportFileName(data, `report-${language}`, 'pdf'), mediaType: MEDIA_TYPES.pdf, bytes: await htmlToPdf(renderReportHtml(data, language, { forPrint: true }), options.printPdf) };
    case 'xlsx':
      return { fileName: exportFileName(data, `report-${language}`, 'xlsx'), mediaType: MEDIA_TYPES.xlsx, bytes: await buildReportXlsx(data, language) };
    case 'csv': {
      const table = options.table ?? 'criteria';
      return { fileName: exportFileName(data, `${table}-${language}`, 'csv'), mediaType: MEDIA_TYPES.csv, bytes: encoder.encode(reportTableCsv(data, table, language)) };
    }
    case 'docx':
      return { fileName: exportFileName(data, `action-plan-${language}`, 'docx'), mediaType: MEDIA_TYPES.docx, bytes: await buildActionPlanDocx(data, language) };
  }
}
