import { existsSync } from 'node:fs';
import { REPORT_LANGUAGES, reportStrings } from '../../shared/report/strings.js';
import { InputError } from '../errors.js';
import { flatText } from './figures/pdf.js';
import { readReport, type ReportContent } from './report-content.js';
import { readableFile } from './readable-file.js';

const HEAD = /^\d{1,12}:[0-9a-f]{64}$/;
/** A head in running text: not part of a longer number or hash. */
const HEAD_IN_TEXT = /(?<![\d:])\d{1,12}:[0-9a-f]{64}(?![0-9a-f])/g;

/**
 * The audit head a package or report carries: a package's `auditHead`; for a
 * report, the head it prints (every format: the HTML's meta tag, the cover of
 * a PDF, the Summary sheet of a workbook, the front of a Word plan, the Summary
 * CSV table) and the one in its signed sidecar (`<report>.sig.json`). When both
 * are there they must agree. Other CSV tables carry it in the sidecar only.
 */
export async function headClaimedBy(file: string): Promise<string> {
  const bytes = readableFile(file);
  if (file.toLowerCase().endsWith('.json') || /^\uFEFF?\s*\{/.test(bytes.subarray(0, 8).toString('utf8'))) {
    return jsonHead(file, bytes.toString('utf8')) ?? fail(`${file} carries no audit head (packages from before this version do not)`);
  }
  const sidecar = `${file}.sig.json`;
  const signed = existsSync(sidecar) ? (jsonHead(sidecar, readableFile(sidecar).toString('utf8')) ?? fail(`${sidecar} carries no audit head (report sidecars from before this version do not)`)) : null;
  const printed = headPrintedIn(await readReport(file, bytes));
  if (printed && signed && printed !== signed) throw new InputError(`${file} prints audit head ${printed} but its sidecar ${sidecar} says ${signed}: one of them was changed`);
  return printed ?? signed ?? fail(`${file} prints no audit head and has no sidecar ${sidecar}${/\.csv$/i.test(file) ? ' (a CSV table other than the summary carries its head in the sidecar only)' : ''}`);
}

function fail(message: string): never {
  throw new InputError(message);
}

function jsonHead(file: string, text: string): string | null {
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { auditHead?: unknown };
    return typeof data.auditHead === 'string' && HEAD.test(data.auditHead) ? data.auditHead : null;
  } catch {
    throw new InputError(`${file} is not valid JSON: it was damaged or edited`);
  }
}

/** The head a report prints, or null when it prints none (a report from before this version, a CSV table). */
export function headPrintedIn(content: ReportContent): string | null {
  if (content.kind === 'html') {
    const meta = /<meta name="permit-integrity-audit-head" content="(\d{1,12}:[0-9a-f]{64})"/.exec(content.html ?? '');
    if (meta) return meta[1]!;
  }
  if (content.kind === 'pdf') {
    // Only the head printed under the cover's label counts; a long value may be broken across lines in print.
    const flat = flatText(content.text);
    for (const language of REPORT_LANGUAGES) {
      const label = flatText(reportStrings(language)('document.cover.auditHead'));
      const at = flat.indexOf(label);
      const head = at >= 0 ? /^(\d{1,12}:[0-9a-f]{64})/.exec(flat.slice(at + label.length, at + label.length + 200).replace(/\s+/g, '')) : null;
      if (head) return head[1]!;
    }
    return null;
  }
  const found = [...new Set(content.text.match(HEAD_IN_TEXT) ?? [])];
  if (found.length > 1) throw new InputError(`the report prints ${found.length} different audit heads (${found.join(', ')}); give the one you kept with --expect-head`);
  return found[0] ?? null;
}
