import JSZip from 'jszip';
import { CsvSyntaxError, parseCsv } from '../../shared/import/csv-parse.js';
import { InputError } from '../errors.js';

export type ReportKind = 'html' | 'pdf' | 'xlsx' | 'docx' | 'csv';

/** A table of a report as the reader sees it: rows of cell texts, the header row first. */
export interface ReportTableText {
  /** Where it is, for messages: a sheet's name, "table 3" of a Word document, the CSV file. */
  name: string;
  rows: string[][];
}

/**
 * A report file read for checking, whatever its format: the text a reader
 * sees (for finding the printed digest and audit head) and its tables (for
 * reading figures back). Told apart by content, not by file name, so a
 * renamed file is still read for what it is.
 */
export interface ReportContent {
  kind: ReportKind;
  text: string;
  /** The HTML source, for its meta tags and data-field marks (HTML only). */
  html: string | null;
  tables: ReportTableText[];
}

export function reportKind(bytes: Uint8Array): ReportKind | 'zip' {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  // Our HTML starts with its doctype; a page saved again by a browser may put a comment first.
  if (/^(\uFEFF|\u00EF\u00BB\u00BF)?\s*<(!doctype html|html)\b/i.test(head) || /<html[\s>]/i.test(head)) return 'html';
  return 'csv';
}

export async function readReport(file: string, bytes: Uint8Array): Promise<ReportContent> {
  const kind = reportKind(bytes);
  try {
    if (kind === 'pdf') return { kind, text: await pdfText(bytes), html: null, tables: [] };
    if (kind === 'html') {
      const html = Buffer.from(bytes).toString('utf8');
      return { kind, text: decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')), html, tables: [] };
    }
    if (kind === 'csv') {
      const table = parseCsv(Buffer.from(bytes).toString('utf8'));
      const rows = [table.headers, ...table.rows.map((r) => r.cells)];
      return { kind, text: rows.map((r) => r.join('\t')).join('\n'), html: null, tables: [{ name: 'the CSV file', rows }] };
    }
    const zip = await JSZip.loadAsync(bytes);
    if (zip.file('word/document.xml')) return docx(await zip.file('word/document.xml')!.async('string'));
    if (zip.file('xl/workbook.xml')) return await xlsx(bytes);
    throw new InputError(`${file} is a ZIP archive but neither a Word document nor an Excel workbook`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof CsvSyntaxError) throw new InputError(`${file} is not a readable CSV report: ${error.message}`);
    throw new InputError(`${file} cannot be read as a ${kind === 'zip' ? 'Word or Excel' : kind.toUpperCase()} report: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The PDF's text as pdf-parse extracts it (lines as printed). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function xlsx(bytes: Uint8Array): Promise<ReportContent> {
  const [{ default: ExcelJS }, { cellText }] = await Promise.all([import('exceljs'), import('../../exports/sheet-read.js')]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables = workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as Array<Parameters<typeof cellText>[0]>;
      // row.values is 1-based: index 0 is always empty.
      rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1] ?? null)));
    });
    return { name: `sheet "${sheet.name}"`, rows };
  });
  return { kind: 'xlsx', text: tables.flatMap((t) => t.rows.map((r) => r.join('\t'))).join('\n'), html: null, tables };
}

/** word/document.xml: its paragraphs as text and its tables as rows of cell texts (the docx writer nests no tables). */
function docx(xml: string): ReportContent {
  const paragraphText = (p: string) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)].map((m) => (m[2] === 'tab' ? '\t' : m[2] === 'br' ? '\n' : decodeEntities(m[1]!))).join('');
  const paragraphs = (part: string) => (part.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map(paragraphText);
  const tables = (xml.match(/<w:tbl(?:\s[^>]*)?>[\s\S]*?<\/w:tbl>/g) ?? []).map((tbl, i) => ({
    name: `table ${i + 1}`,
    rows: (tbl.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) => (tr.match(/<w:tc(?:\s[^>]*)?>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) => paragraphs(tc).join('\n'))),
  }));
  return { kind: 'docx', text: paragraphs(xml).join('\n'), html: null, tables };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
