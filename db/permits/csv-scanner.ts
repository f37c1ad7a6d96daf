/**
 * A streaming CSV scanner (RFC 4180: fields optionally in double quotes with
 * "" for a quote, records ending in LF, CRLF or CR; fields separated by commas,
 * or by semicolons when the header line has more of them, as French and
 * Spanish spreadsheet programs save),
 * written for the permit import: a million-line Trade Database file is
 * scanned several times faster than with a general-purpose parser, and it
 * reports what the import needs: each record's first physical line (a quoted
 * field may span lines), and a clear reason for a broken file.
 * Empty lines are skipped; records may have any number of fields.
 */

const COMMA = 44;
const SEMICOLON = 59;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvSyntaxProblem extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxProblem';
  }
}

/** The records of one piece of text: fields, and the physical line each record starts on. */
export interface ScannedBatch {
  records: string[][];
  lines: number[];
}

export class CsvScanner {
  /** Text of a record not yet complete at the end of the last piece. */
  private pending = '';
  /** The line the pending text starts on. */
  private line = 1;
  /** The field separator, decided on the first line. */
  private separator = 0;

  constructor(private readonly maxRecordChars: number) {}

  /** Scans the next piece of text; with `last`, the end of the file closes the final record. */
  push(piece: string, last: boolean): ScannedBatch {
    const text = this.pending ? this.pending + piece : piece;
    if (this.separator === 0 && (text.length > 0 || last)) this.separator = separatorOf(text);
    const separator = this.separator;
    const records: string[][] = [];
    const lines: number[] = [];
    const length = text.length;
    const max = this.maxRecordChars;
    let p = 0;
    let line = this.line;
    // Where the next LF and CR at or after a searched position are (length when none): kept
    // between quoted fields, so the text is searched for each once, not once per field.
    let nextLf = -1;
    let nextCr = -1;
    while (p < length) {
      const start = p;
      const startLine = line;
      const first = text.charCodeAt(p);
      // An empty line is no record.
      if (first === LF || first === CR) {
        if (first === CR && p + 1 === length && !last) break;
        p += first === CR && text.charCodeAt(p + 1) === LF ? 2 : 1;
        line += 1;
        continue;
      }
      const fields: string[] = [];
      let complete = false;
      for (;;) {
        if (p < length && text.charCodeAt(p) === QUOTE) {
          // A quoted field: up to the quote not doubled; line breaks inside count as lines.
          // The quotes are found by indexOf, which searches natively, many times faster than
          // a loop over every character; a field with no line break before the next one
          // (nearly all) is then not looked at character by character at all.
          let q = p + 1;
          let value = '';
          let from = q;
          let closed = false;
          for (;;) {
            const quote = text.indexOf('"', q);
            const end = quote === -1 ? length : quote;
            if (nextLf < q) nextLf = positionOf(text, '\n', q);
            if (nextCr < q) nextCr = positionOf(text, '\r', q);
            const nextBreak = nextLf < nextCr ? nextLf : nextCr;
            if (nextBreak < end) line += breaksBetween(text, nextBreak, end);
            if (quote === -1 || (quote + 1 === length && !last)) break;
            if (text.charCodeAt(quote + 1) === QUOTE) {
              value += text.slice(from, quote + 1);
              q = quote + 2;
              from = q;
              continue;
            }
            value += text.slice(from, quote);
            closed = true;
            q = quote + 1;
            break;
          }
          if (!closed) {
            if (last) throw new CsvSyntaxProblem(startLine, 'a quoted field is not closed before the end of the file (a stray quote)');
            break;
          }
          fields.push(value);
          p = q;
        } else {
          // An unquoted field: up to the next comma or line break.
          let q = p;
          while (q < length) {
            const c = text.charCodeAt(q);
            if (c === separator || c === LF || c === CR) break;
            if (c === QUOTE) throw new CsvSyntaxProblem(line, `a quote inside an unquoted field (field ${fields.length + 1}): quote the whole field and double the quote`);
            q += 1;
          }
          if (q === length && !last) break;
          fields.push(text.slice(p, q));
          p = q;
        }
        if (p - start > max) throw new CsvSyntaxProblem(startLine, `a record is larger than ${Math.round(max / 1024)} KB (a broken quote or not a CSV file)`);
        if (p === length) {
          if (!last) break;
          complete = true;
          break;
        }
        const c = text.charCodeAt(p);
        if (c === separator) {
          p += 1;
          continue;
        }
        if (c === LF || c === CR) {
          if (c === CR && p + 1 === length && !last) break;
          p += c === CR && text.charCodeAt(p + 1) === LF ? 2 : 1;
          line += 1;
          complete = true;
          break;
        }
        throw new CsvSyntaxProblem(line, `a closing quote is followed by "${text[p]}" instead of a separator or a line break`);
      }
      if (!complete) {
        // Wait for the rest of the record in the next piece.
        if (length - start > max) throw new CsvSyntaxProblem(startLine, `a record is larger than ${Math.round(max / 1024)} KB (a broken quote or not a CSV file)`);
        this.pending = text.slice(start);
        this.line = startLine;
        return { records, lines };
      }
      records.push(fields);
      lines.push(startLine);
    }
    this.pending = p < length ? text.slice(p) : '';
    this.line = line;
    return { records, lines };
  }
}

/** Where `char` next occurs at or after `from`, or the text's length when it does not. */
function positionOf(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

/** Line breaks in text[from, to): each LF, and each CR not followed by an LF (as the scanner counts lines). */
function breaksBetween(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks += 1;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) breaks += 1;
  }
  return breaks;
}

/** Semicolons when the first line has more of them than commas (outside quotes), else commas. */
function separatorOf(text: string): number {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) {
      if (commas + semicolons > 0) break;
    } else if (c === COMMA) commas += 1;
    else if (c === SEMICOLON) semicolons += 1;
  }
  return semicolons > commas ? SEMICOLON : COMMA;
}
