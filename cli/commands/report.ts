import { REPORT_FORMATS, REPORT_TABLES, type ReportFormat, type ReportTableId } from '../../shared/report/formats.js';
import { REPORT_LANGUAGES } from '../../shared/report/strings.js';
import { parse, requireId, requireString } from '../args.js';
import { printJson, withRegister, type Output } from '../context.js';
import { UsageError } from '../errors.js';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readyToSignReport, recordReportExport } from '../../db/report-record.js';


function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}${value === undefined ? '' : `, got "${String(value)}"`}`);
}

/** Exports one assessment's report; the quality check is printed first, as the app shows it before export. */
export async function reportCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, assessment: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' } });
  const id = requireId(values, 'assessment');
  const format = oneOf<ReportFormat>(values.format, REPORT_FORMATS, 'format');
  const language = oneOf(values.lang, REPORT_LANGUAGES, 'lang', 'en');
  const table = values.table === undefined ? undefined : oneOf<ReportTableId>(values.table, REPORT_TABLES, 'table');
  if (table && format !== 'csv') throw new UsageError('--table applies to --format csv only');
  const out = requireString(values, 'out');
  // The file builders (exceljs, docx, React) load only when a report is made, not at every CLI start.
  const [{ reportData }, { exportReport }, { REPORT_DETAIL }] = await Promise.all([import('../../api/report-handlers.js'), import('../../exports/report-export.js'), import('../../shared/report/annex.js')]);
  // The key is made first (as signing the manifest would) so that the report prints the key that signs its sidecar.
  const data = withRegister(values, (register) => (readyToSignReport(register), reportData(register, id, REPORT_DETAIL[format])));
  let file;
  try {
    file = await exportReport(data, format, language, { table });
  } finally {
    // The warm Chromium would otherwise keep this one-shot command alive until it idles out.
    if (format === 'pdf') await (await import('../../exports/pdf-browser.js')).closePdfBrowser();
  }
  writeFileSync(out, file.bytes);
  // The file's hash goes into the audit log and a signed sidecar, so any later edit of the file shows.
  const manifest = withRegister(values, (register) =>
    recordReportExport(register, { fileName: basename(out), bytes: file.bytes, reportFormat: format, language, assessmentUid: data.assessment.uid, digest: data.assessment.digest }),
  );
  writeFileSync(`${out}.sig.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  if (values.json) return printJson(io, { out, format, language, bytes: file.bytes.byteLength, digest: data.assessment.digest, quality: data.quality.counts, sha256: manifest.sha256, sidecar: `${out}.sig.json`, signed: Boolean(manifest.signature) });
  const quality = data.quality.items;
  io.out(quality.length ? `Quality check: ${data.quality.total} point(s) an auditor would question:\n${quality.map((q) => `  - ${q.message}`).join('\n')}` : 'Quality check: nothing an auditor would question.');
  io.out(`Wrote ${out} (${format.toUpperCase()}, ${language}, ${file.bytes.byteLength} bytes)${data.assessment.digest ? `; digest ${data.assessment.digest}` : ''}.`);
  io.out(`SHA-256 of the file ${manifest.sha256}, recorded in the audit log; ${manifest.signature ? 'signed' : 'UNSIGNED'} manifest in ${out}.sig.json (audit head ${manifest.auditHead}).`);
}

