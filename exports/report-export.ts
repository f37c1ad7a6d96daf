import { MEDIA_TYPES, type ReportFormat, type ReportTableId } from '../shared/report/formats.js';
import type { ReportData } from '../shared/report/report-data.js';
import { reportTableCsv } from '../shared/report/csv-tables.js';
import type { PdfPrinter } from './pdf.js';

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

// Each format's builder is imported when that format is asked for: a CSV
// never loads React, exceljs or docx, and only a PDF loads playwright.
const html = async (data: ReportData, language: string, forPrint = false) => {
  // React's development build checks every element it renders (several times slower on a large
  // report); unless the process says otherwise, files are rendered with the production build.
  process.env.NODE_ENV ??= 'production';
  return (await import('../report/render.js')).renderReportHtml(data, language, { forPrint });
};

/**
 * One assessment report in one format and language. Every format is built
 * from the same ReportData, so they cannot disagree with each other or the screen.
 */
export async function exportReport(data: ReportData, format: ReportFormat, language: string, options: { table?: ReportTableId; printPdf?: PdfPrinter } = {}): Promise<ExportOutput> {
  const encoder = new TextEncoder();
  switch (format) {
    case 'html':
      return { fileName: exportFileName(data, `report-${language}`, 'html'), mediaType: MEDIA_TYPES.html, bytes: encoder.encode(await html(data, language)) };
    case 'pdf':
      return { fileName: exportFileName(data, `report-${language}`, 'pdf'), mediaType: MEDIA_TYPES.pdf, bytes: await (await import('./pdf.js')).htmlToPdf(await html(data, language, true), options.printPdf) };
    case 'xlsx':
      return { fileName: exportFileName(data, `report-${language}`, 'xlsx'), mediaType: MEDIA_TYPES.xlsx, bytes: await (await import('./xlsx.js')).buildReportXlsx(data, language) };
    case 'csv': {
      const table = options.table ?? 'criteria';
      return { fileName: exportFileName(data, `${table}-${language}`, 'csv'), mediaType: MEDIA_TYPES.csv, bytes: encoder.encode(reportTableCsv(data, table, language)) };
    }
    case 'docx':
      return { fileName: exportFileName(data, `action-plan-${language}`, 'docx'), mediaType: MEDIA_TYPES.docx, bytes: await (await import('./docx.js')).buildActionPlanDocx(data, language) };
  }
}
