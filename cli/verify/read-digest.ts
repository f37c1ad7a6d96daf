import { InputError } from '../errors.js';
import { REPORT_LANGUAGES, reportStrings } from '../../shared/report/strings.js';
import { flatText } from './figures/pdf.js';
import type { ReportContent } from './report-content.js';

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * The SHA-256 digest a report prints, read where it prints it, by its label in
 * one of the report languages: the HTML's meta tag; under the cover's label in
 * a PDF; the digest row of a workbook's Summary sheet or of the CSV summary
 * table; the digest line of the Word plan's front matter. Only there: the
 * evidence annex and the evidence table list file hashes of the same shape.
 * Null when it prints none (a draft's report, a CSV table other than the summary).
 */
export function printedDigest(content: ReportContent): string | null {
  if (content.kind === 'html') return /<meta name="permit-integrity-digest" content="([0-9a-f]{64})"/.exec(content.html ?? '')?.[1] ?? null;
  const labels = (key: string) => REPORT_LANGUAGES.map((language) => flatText(reportStrings(language)(key)));
  if (content.kind === 'pdf') {
    // A long digest may be broken across lines in print: the spaces after the label are dropped before matching.
    const flat = flatText(content.text);
    for (const label of labels('document.cover.digest')) {
      const at = flat.indexOf(label);
      const digest = at >= 0 ? /^[0-9a-f]{64}/.exec(flat.slice(at + label.length, at + label.length + 200).replace(/\s+/g, '')) : null;
      if (digest) return digest[0];
    }
    return null;
  }
  if (content.kind === 'docx') {
    for (const line of content.text.split('\n').map(flatText)) {
      for (const [language, label] of labels('tables.docx.digest').entries()) {
        const prefix = flatText(`${label}${reportStrings(REPORT_LANGUAGES[language]!)('tables.common.colon')}`);
        if (line.startsWith(prefix) && DIGEST.test(line.slice(prefix.length).trim())) return line.slice(prefix.length).trim();
      }
    }
    return null;
  }
  // XLSX and CSV: the row of the Summary table labelled with the digest.
  const rowLabels = new Set(labels('tables.summary.digest'));
  const found = new Set<string>();
  for (const table of content.tables) {
    for (const row of table.rows) if (rowLabels.has(flatText(row[0] ?? '')) && DIGEST.test(flatText(row[1] ?? ''))) found.add(flatText(row[1]!));
  }
  if (found.size > 1) throw new InputError(`the report shows ${found.size} different digests; pass the one you expect with --digest instead`);
  return [...found][0] ?? null;
}
