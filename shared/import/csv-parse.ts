/**
 * Reads CSV text as spreadsheets write it: an optional UTF-8 byte-order mark,
 * RFC 4180 quoting, CRLF or LF line ends, and a comma or a semicolon between
 * fields (French and Spanish Excel save with semicolons). Pure, for any layer.
 */
export interface CsvTable {
  headers: string[];
  /** Each data row with the file line it started on (the header is line 1). */
  rows: Array<{ line: number; cells: string[] }>;
}

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
}

/** The delimiter of the header line: whichever of ; and , appears more often outside quotes. */
function delimiterOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(text);
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(field);
    // A line with nothing on it (often the last one) is not a row.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), (i += 1);
      else {
        if (ch === '\n') line += 1;
        field += ch;
        i += 1;
      }
      continue;
    }
    if (ch === '"' && field === '') (quoted = true), (i += 1);
    else if (ch === delimiter) cells.push(field), (field = ''), (i += 1);
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else (field += ch), (i += 1);
  }
  if (quoted) throw new CsvSyntaxError(`line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || cells.length) endRecord();
  const [header, ...rows] = records;
  if (!header) throw new CsvSyntaxError('the file is empty: it needs a header line and at least one row');
  return { headers: header.cells.map((h) => h.trim()), rows };
}
