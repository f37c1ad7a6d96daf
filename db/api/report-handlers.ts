import { exportReport } from '../../exports/report-export.js';
import { buildReportData, type ReportData } from '../../shared/report/report-data.js';
import { trendOf } from '../../shared/report/trend.js';
import { listAssessments, getAssessment } from '../assessments.js';
import { auditForAssessment } from '../audit.js';
import { registerLibrary } from '../frameworks.js';
import type { Register } from '../register.js';
import { recordReportExport } from '../report-record.js';
import { scoreAssessment } from '../snapshot.js';
import { assessmentDetail } from './assessment-handlers.js';
import type { Handlers } from './handler-types.js';

/** Everything one report shows; every export format and the preview are rendered from it. */
export function reportData(register: Register, assessmentId: number): ReportData {
  const detail = assessmentDetail(register, assessmentId);
  const locked = listAssessments(register, detail.assessment.authorityId)
    .filter((a) => a.status === 'locked')
    .map((a) => ({ uid: a.uid, title: a.title, result: scoreAssessment(register, a.id) }));
  return buildReportData({
    detail,
    frameworks: [...registerLibrary(register).frameworks.values()],
    auditExtract: auditForAssessment(register, detail.assessment.uid),
    trend: trendOf(locked),
    generatedAt: register.now(),
  });
}

export const reportHandlers: Handlers<'reports.data' | 'reports.export'> = {
  'reports.data': (register, input) => reportData(register, input.id),
  'reports.export': async (register, input, env) => {
    const assessment = getAssessment(register, input.id);
    const file = await exportReport(reportData(register, input.id), input.format, input.language, { table: input.table, printPdf: env.printPdf });
    // Every export's SHA-256 lands in the audit log (with the head), so the file can be checked later.
    recordReportExport(register, { fileName: file.fileName, bytes: file.bytes, reportFormat: input.format, language: input.language, assessmentUid: assessment.uid, digest: assessment.digest });
    return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: Buffer.from(file.bytes).toString('base64') };
  },
};
