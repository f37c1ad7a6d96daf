import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import JSZip from 'jszip';
import { InputError } from '../errors.js';
import { REPORT_LANGUAGES, reportStrings } from '../../shared/report/strings.js';

// Not the hash of an audit head (COUNT:HASH), which reports print next to the digest.
const HEX64 = /(?<![:\w])[0-9a-f]{64}\b/g;

/**
 * The SHA-256 digest a report claims, read where the report prints it: the
 * HTML's meta tag; the cover, which comes first in a PDF's or DOCX's text (the
 * evidence annex lists file hashes later); the Summary sheet, the first of an
 * XLSX workbook.
 */
export async function digestClaimedBy(file: string): Promise<string> {
  const bytes = readFileSync(file);
  const kind = extname(file).toLowerCase();
  let text: string;
  if (kind === '.html' || kind === '.htm') {
    const meta = /<meta name="permit-integrity-digest" content="([0-9a-f]{64})"/.exec(bytes.toString('utf8'));
    if (meta) return meta[1]!;
    throw new InputError(`${file} carries no digest: it is a report of an assessment that was not locked`);
  } else if (kind === '.pdf') {
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
      // A long digest may wrap across lines in print; join the text before searching.
      text = (await parser.getText()).text.replace(/\s+/g, ' ').replace(/([0-9a-f]{8,})\s+(?=[0-9a-f])/g, '$1');
    } finally {
      await parser.destroy();
    }
    // Only the digest printed under the cover's label counts: the evidence annex lists file hashes too.
    for (const language of REPORT_LANGUAGES) {
      const label = reportStrings(language)('document.cover.digest');
      const at = text.indexOf(label);
      const after = at >= 0 ? /^\s*([0-9a-f]{64})/.exec(text.slice(at + label.length)) : null;
      if (after) return after[1]!;
    }
    throw new InputError(`${file} carries no digest on its cover: it is a report of an assessment that was not locked`);
  } else if (kind === '.xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const summary = workbook.worksheets[0];
    const cells: string[] = [];
    summary?.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value ?? ''))));
    return single(file, cells.join('\n'));
  } else if (kind === '.docx') {
    const zip = await JSZip.loadAsync(bytes);
    text = (await zip.file('word/document.xml')?.async('string')) ?? '';
  } else {
    text = bytes.toString('utf8');
  }
  const first = text.match(HEX64)?.[0];
  if (!first) throw new InputError(`${file} shows no SHA-256 digest: is it a report of a locked assessment?`);
  return first;
}

function single(file: string, text: string): string {
  const found = [...new Set(text.match(HEX64) ?? [])];
  if (found.length === 0) throw new InputError(`${file} shows no SHA-256 digest on its summary sheet: is it a report of a locked assessment?`);
  if (found.length > 1) throw new InputError(`${file} shows ${found.length} different digests on its summary sheet; pass the digest with --digest instead`);
  return found[0]!;
}
