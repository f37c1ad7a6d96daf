import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanner, CsvSyntaxProblem, type ScannedBatch } from '../../db/permits/csv-scanner.js';
import { Random } from '../../tools/permit-generator/random.js';

/** Scans text cut into the given pieces and gathers every record with its line. */
function scan(pieces: readonly string[], max = 64 * 1024): Array<[number, string[]]> {
  const scanner = new CsvScanner(max);
  const out: Array<[number, string[]]> = [];
  const take = (batch: ScannedBatch) => batch.records.forEach((r, i) => out.push([batch.lines[i]!, r]));
  pieces.forEach((piece, i) => take(scanner.push(piece, i === pieces.length - 1)));
  return out;
}

function problem(pieces: readonly string[], max?: number): { line: number; reason: string } {
  try {
    scan(pieces, max);
  } catch (error) {
    if (error instanceof CsvSyntaxProblem) return { line: error.line, reason: error.reason };
    throw error;
  }
  throw new Error('no problem found');
}

/** Random CSV text with every awkward case: quotes, doubled quotes, line breaks inside quotes, empty fields and lines, CRLF. */
function randomCsv(random: Random): string {
  const field = () => {
    const kind = random.int(0, 5);
    if (kind === 0) return '';
    if (kind === 1) return random.pick(['a', 'Python regius', '12.5', 'x y', 'é€😀']);
    const inner = Array.from({ length: random.int(0, 4) }, () => random.pick(['a', ',', '""', '\n', '\r\n', ' ', 'é'])).join('');
    return `"${inner}"`;
  };
  const eol = random.pick(['\n', '\r\n']);
  const lines = Array.from({ length: random.int(1, 8) }, () => (random.chance(0.1) ? '' : Array.from({ length: random.int(1, 5) }, field).join(',')));
  return lines.join(eol) + (random.chance(0.5) ? eol : '');
}

describe('CSV scanner', () => {
  it('reads quotes, doubled quotes and line breaks inside quotes, counting physical lines; skips empty lines', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",\r\n\r\n"two\nlines",2,3\n4,5,6';
    expect(scan([text])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['x, y', 'say "hi"', '']],
      [4, ['two\nlines', '2', '3']],
      [6, ['4', '5', '6']],
    ]);
  });

  it('counts a lone CR as a line break, inside quotes too, however the text is cut', () => {
    const text = 'a,b\r"x\ry","p\r\nq"\r1,2\r"","\n\n"\r3,4';
    const expected = [
      [1, ['a', 'b']],
      [2, ['x\ry', 'p\r\nq']],
      [5, ['1', '2']],
      [6, ['', '\n\n']],
      [9, ['3', '4']],
    ];
    expect(scan([text])).toEqual(expected);
    expect(scan([...text])).toEqual(expected);
  });

  it('gives the same records and lines however the text is cut into pieces', () => {
    const random = new Random(7);
    for (let n = 0; n < 300; n += 1) {
      const text = randomCsv(random);
      const whole = scan([text]);
      for (let cut = 0; cut <= text.length; cut += 1) expect(scan([text.slice(0, cut), text.slice(cut)]), JSON.stringify(text)).toEqual(whole);
      const pieces: string[] = [];
      for (let at = 0; at < text.length; ) {
        const next = at + random.int(1, 4);
        pieces.push(text.slice(at, next));
        at = next;
      }
      expect(scan([...pieces, '']), JSON.stringify(text)).toEqual(whole);
    }
  });

  it('agrees with csv-parse on well-formed files', () => {
    const random = new Random(11);
    for (let n = 0; n < 500; n += 1) {
      const text = randomCsv(random);
      const reference = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
      expect(scan([text]).map(([, r]) => r), JSON.stringify(text)).toEqual(reference.map((r) => r.record));
    }
  });

  it('reads semicolon-separated files when the header line has more semicolons than commas', () => {
    expect(scan(['Nº;Espèce;Quantité\n"EX-1";"Python regius";1,5\n'])).toEqual([
      [1, ['Nº', 'Espèce', 'Quantité']],
      [2, ['EX-1', 'Python regius', '1,5']],
    ]);
  });

  it('refuses broken quoting and oversized records with the line and a reason', () => {
    expect(problem(['a,b\n"open,1\n2,3\n'])).toEqual({ line: 2, reason: 'a quoted field is not closed before the end of the file (a stray quote)' });
    expect(problem(['a,b\n"x"y,1\n'])).toEqual({ line: 2, reason: 'a closing quote is followed by "y" instead of a separator or a line break' });
    expect(problem(['a,b\n1,2\nab"c,1\n'])).toEqual({ line: 3, reason: 'a quote inside an unquoted field (field 1): quote the whole field and double the quote' });
    expect(problem(['a,b\n1,2\n"', 'x'.repeat(2000), '",1\n'], 1024)).toEqual({ line: 3, reason: 'a record is larger than 1 KB (a broken quote or not a CSV file)' });
    expect(problem(['a,b\n', `${'x'.repeat(2000)},1\n`], 1024)).toEqual({ line: 2, reason: 'a record is larger than 1 KB (a broken quote or not a CSV file)' });
  });
});
