import { z } from 'zod';
import { recordId } from '../../domain/inputs.js';
import { MIN_K, type Portfolio } from '../../portfolio/types.js';
import { PORTFOLIO_DOCUMENTS, PORTFOLIO_FORMATS, REPORT_FORMATS, REPORT_TABLES, type ExportedFile, type SignedReportFile } from '../../report/formats.js';
import type { ReportData } from '../../report/report-data.js';
import { entry } from '../entry.js';
import { LANGUAGES } from '../languages.js';

export const reportExportInput = z.strictObject({
  id: recordId,
  format: z.enum(REPORT_FORMATS),
  language: z.enum(LANGUAGES),
  table: z.enum(REPORT_TABLES).optional(),
  /** Adds the comment threads as an annex. */
  comments: z.boolean().optional(),
});
/** includeOwn: also pool the register's own authorities, not only imported packages. */
export const portfolioGetInput = z.strictObject({ k: z.int().min(MIN_K).max(1000).optional(), includeOwn: z.boolean().optional() });
export const portfolioExportInput = z.strictObject({ document: z.enum(PORTFOLIO_DOCUMENTS), format: z.enum(PORTFOLIO_FORMATS), language: z.enum(LANGUAGES), k: z.int().min(MIN_K).max(1000).optional(), includeOwn: z.boolean().optional() });

/** Reports of one assessment and the consultant's pooled portfolio. */
export const reportContract = {
  'reports.data': entry<ReportData>()(z.strictObject({ id: recordId, comments: z.boolean().optional() })),
  'reports.export': entry<SignedReportFile>()(reportExportInput),
  'portfolio.get': entry<Portfolio>()(portfolioGetInput),
  'portfolio.export': entry<ExportedFile>()(portfolioExportInput),
};
