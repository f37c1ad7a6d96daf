import { exportReport } from '../../exports/report-export.js';
import { buildReportData, type ReportData } from '../../shared/report/report-data.js';
import { trendOf } from '../../shared/report/trend.js';
import { listAssessments, getAssessment } from '../assessments.js';
import { auditForAssessment } from '../audit.js';
import { registerLibrary } from '../frameworks.js';
import type { Register } from '../register.js';
import { scoreAssessment } from '../snapshot.js';
import { assessmentDetail } from './assessment-handlers.js';
import type { Handlers } from './handler-types.js';
import { actionViews } from './action-handlers.js';
import { listComments } from '../comments.js';

/** Everything one report shows; every export format and the preview are rendered from it. */
export function reportData(register: Register, assessmentId: number, options: { comments?: boolean } = {}): ReportData {
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
    actions: actionViews(register, assessmentId).map((a) => ({ flagKey: a.flagKey, title: a.title, owner: a.owner, due: a.due, outcome: a.outcome })),
    comments: listComments(register, assessmentId),
    showComments: options.comments ?? false,
  });
}

export const reportHandlers: Handlers<'reports.data' | 'reports.export'> = {
  'reports.data': (register, input) => reportData(register, input.id, { comments: input.comments }),
  'reports.export': async (register, input, env) => {
    getAssessment(register, input.id);
    const file = await exportReport(reportData(register, input.id, { comments: input.comments }), input.format, input.language, { table: input.table, printPdf: env.printPdf });
    return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: Buffer.from(file.bytes).toString('base64') };
  },
};
