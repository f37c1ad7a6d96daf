import { REPORT_DETAIL, type ReportDetail } from '../shared/report/annex.js';
import { buildReportData, type ReportData } from '../shared/report/report-data.js';
import { trendOf } from '../shared/report/trend.js';
import { listAssessments, getAssessment } from '../db/assessments.js';
import { auditForAssessment } from '../db/audit.js';
import { registerLibrary } from '../db/frameworks.js';
import type { Register } from '../db/register.js';
import { readyToSignReport, recordReportExport, reportIntegrity } from '../db/report-record.js';
import { registerStamp, scored } from './scoring-cache.js';
import { scoredAssessment } from './assessment-handlers.js';
import type { Handlers } from './handler-types.js';
import { actionViews } from './action-handlers.js';
import { listComments } from '../db/comments.js';

/**
 * Everything one report shows; every export format and the preview are
 * rendered from it. 'summary' (preview, HTML, PDF) lists the first rows of
 * long annexes; 'complete' (XLSX, CSV, DOCX) lists every row.
 */
export function reportData(register: Register, assessmentId: number, level: ReportDetail = 'summary', options: { comments?: boolean } = {}): ReportData {
  const comments = options.comments ?? false;
  const key = `${registerStamp(register)}|${assessmentId}|${level}|${comments}`;
  let cache = reportCaches.get(register);
  if (!cache) reportCaches.set(register, (cache = new Map()));
  let data = cache.get(key);
  if (!data) {
    data = buildFromRegister(register, assessmentId, level, comments);
    // A few recent reports (summary and complete, with and without comments); a write makes them all stale.
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
    cache.set(key, data);
  }
  // Only the time of generation is new on a second call: everything else is read from the unchanged register.
  return { ...data, generatedAt: register.now() };
}

/** Report data by register state, assessment, detail and comments: each is built once until the register changes. */
const reportCaches = new WeakMap<Register, Map<string, ReportData>>();

function buildFromRegister(register: Register, assessmentId: number, level: ReportDetail, comments: boolean): ReportData {
  const detail = scoredAssessment(register, assessmentId);
  const locked = listAssessments(register, detail.assessment.authorityId)
    .filter((a) => a.status === 'locked')
    .map((a) => ({ uid: a.uid, title: a.title, result: scored(register, a.id).result }));
  return buildReportData({
    detail,
    frameworks: [...registerLibrary(register).frameworks.values()],
    auditExtract: auditForAssessment(register, detail.assessment.uid),
    trend: trendOf(locked),
    generatedAt: register.now(),
    actions: actionViews(register, assessmentId).map((a) => ({ flagKey: a.flagKey, title: a.title, owner: a.owner, due: a.due, outcome: a.outcome })),
    comments: listComments(register, assessmentId),
    showComments: comments,
    integrity: reportIntegrity(register),
  }, level);
}

export const reportHandlers: Handlers<'reports.data' | 'reports.export'> = {
  'reports.data': (register, input) => reportData(register, input.id, 'summary', { comments: input.comments }),
  'reports.export': async (register, input, env) => {
    const assessment = getAssessment(register, input.id);
    // Loaded on the first export, not when the API starts.
    const { exportReport } = await import('../exports/report-export.js');
    // The key first, so the report prints the key that signs its record; then the file's SHA-256 goes into the audit log.
    readyToSignReport(register);
    const file = await exportReport(reportData(register, input.id, REPORT_DETAIL[input.format], { comments: input.comments }), input.format, input.language, { table: input.table, printPdf: env.printPdf });
    const manifest = recordReportExport(register, { fileName: file.fileName, bytes: file.bytes, reportFormat: input.format, language: input.language, assessmentUid: assessment.uid, digest: assessment.digest });
    return {
      fileName: file.fileName,
      mediaType: file.mediaType,
      contentBase64: Buffer.from(file.bytes).toString('base64'),
      sidecar: { fileName: `${file.fileName}.sig.json`, content: `${JSON.stringify(manifest, null, 2)}\n` },
    };
  },
};
