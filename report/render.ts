import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportData } from '../shared/report/report-data.js';
import { reportStrings } from '../shared/report/strings.js';
import { ReportDocument } from './ReportDocument.js';
import { PAGE_CSS, REPORT_CSS } from './styles.js';

/**
 * The document may load nothing and run nothing, wherever it is opened:
 * inline styles and data: images only. A browser enforcing this turns any
 * stray reference into a refused load rather than a network request.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The report as one self-contained HTML file: lang attribute, charset, the
 * digest, assessment uid, audit head and signing key as meta tags (so a verifier can find them without
 * parsing the body), inline CSS, no script, no external resource.
 * Runs in Node (exports, CLI) and in the browser alike.
 */
export function renderReportHtml(data: ReportData, language: string, options: { forPrint?: boolean } = {}): string {
  const t = reportStrings(language);
  const body = renderToStaticMarkup(createElement(ReportDocument, { data, language }));
  const title = t('document.htmlTitle', { title: t('document.title'), authority: data.authority.name, assessment: data.assessment.title });
  const meta = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Permit Integrity">',
    `<meta name="permit-integrity-assessment" content="${escapeHtml(data.assessment.uid)}">`,
    `<meta name="permit-integrity-methodology" content="${escapeHtml(`${data.assessment.methodology.id} ${data.assessment.methodology.version}`)}">`,
    ...(data.assessment.digest ? [`<meta name="permit-integrity-digest" content="${escapeHtml(data.assessment.digest)}">`] : []),
    ...(data.integrity.auditHead ? [`<meta name="permit-integrity-audit-head" content="${escapeHtml(data.integrity.auditHead)}">`] : []),
    ...(data.integrity.auditHead ? [`<meta name="permit-integrity-signing-key" content="${escapeHtml(data.integrity.signingKey ?? 'unsigned')}">`] : []),
  ];
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"${options.forPrint ? ' class="for-print"' : ''}>`,
    '<head>',
    ...meta,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}${REPORT_CSS}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
