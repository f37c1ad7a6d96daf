/** A CSV cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab
 * and CR, that some spreadsheets strip before doing so): =, +, -, @, TAB, CR,
 * and their full-width forms ＝ ＋ － ＠, which some spreadsheets (notably with
 * East Asian input settings) normalise to the ASCII ones before evaluating.
 * OWASP "CSV injection": a cell such as `=HYPERLINK("http://…")` typed into a
 * control title would otherwise run when an auditor opens the export.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Formula-injection rule for every CSV this application writes:
 * - A text cell whose first character is =, +, -, @, tab or CR gets a leading
 *   apostrophe ('), so spreadsheets show it as text and never evaluate it.
 *   The text itself is kept whole after the apostrophe.
 * - A cell that is a JavaScript number (scores, maturities, weights, residuals,
 *   including negatives such as -1) is written as a plain number: a number
 *   cannot carry a formula, and prefixing it would turn figures into text.
 * - null is an empty cell.
 */
export function neutraliseCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field with a comma, quote, CR or LF goes in double quotes, quotes doubled. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A CSV document: UTF-8 byte-order mark (so spreadsheets detect UTF-8 and show
 * accented French and Spanish text correctly), CRLF line ends, RFC 4180
 * quoting, and every cell neutralised against formula injection.
 */
export function toCsv(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const line = (cells: ReadonlyArray<CsvCell>) => cells.map((cell) => quote(neutraliseCell(cell))).join(',');
  return `\uFEFF${[line(headers), ...rows.map(line)].join('\r\n')}\r\n`;
}
