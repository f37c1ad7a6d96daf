/**
 * Fuzzing the import: 1,100 mutated Trade Database files (wrong headers, bad
 * encodings, quoted newlines, BOMs, huge fields, unclosed quotes, mixed
 * units, bad values, wrong field counts, random byte damage). Whatever the
 * file, either the whole import is refused with file, line and reason and
 * nothing is stored, or every row is stored or rejected and the counts add up.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuthority } from '../../db/authorities.js';
import { ImportRefused, importPermitFiles, type ImportSummary } from '../../db/permits/import.js';
import { tradeLine } from '../../tools/permit-generator/csv.js';
import { generatePermitData } from '../../tools/permit-generator/index.js';
import { Random } from '../../tools/permit-generator/random.js';
import { useTempRegisters } from '../helpers/temp-register.js';
import { TRADE_HEADER_LINE } from './files.js';

const temp = useTempRegisters();
const ROWS = generatePermitData({ seed: 99, tradeRows: 12, registerRows: 1, anomalies: false }).trade.map(tradeLine);

interface Case {
  bytes: Buffer;
  /** What must happen: refused at this line, or accepted with these counts (undefined: either, invariants only). */
  expect?: { refusedAt: number } | { stored: number; rejected: number; unknownUnits?: number; rejectedLines?: number[] };
}

const text = (lines: string[], eol = '\n') => Buffer.from(lines.join(eol) + eol, 'utf8');
const fields = (line: string) => line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '')).slice(0, 20);

const MUTATIONS: Record<string, (r: Random) => Case> = {
  bom: () => ({ bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text([TRADE_HEADER_LINE, ...ROWS])]), expect: { stored: ROWS.length, rejected: 0 } }),
  crlf: () => ({ bytes: text([TRADE_HEADER_LINE, ...ROWS], '\r\n'), expect: { stored: ROWS.length, rejected: 0 } }),
  'quoted-newline': (r) => {
    const rows = [...ROWS];
    const k = r.int(0, rows.length - 2);
    const f = fields(rows[k]!);
    f[8] = '"first line\nsecond ""quoted"" line"';
    rows[k] = f.join(',');
    // A bad row after it: its reported line must count the physical lines.
    const bad = fields(rows[k + 1]!);
    bad[1] = 'year';
    rows[k + 1] = bad.join(',');
    return { bytes: text([TRADE_HEADER_LINE, ...rows]), expect: { stored: ROWS.length - 1, rejected: 1, rejectedLines: [k + 4] } };
  },
  'wrong-header': (r) => {
    const header = fields(TRADE_HEADER_LINE);
    const i = r.int(0, 19);
    const variant = r.int(0, 2);
    if (variant === 0) header[i] = `"${r.pick(['Year ', 'Taxa', 'quantity', 'Export permit', 'X'])}x"`;
    else if (variant === 1) header.splice(i, 1);
    else header[i] = header[(i + 1) % 20]!;
    return { bytes: text([header.join(','), ...ROWS]), expect: { refusedAt: 1 } };
  },
  'bad-encoding': (r) => {
    const k = r.int(0, ROWS.length - 1);
    const bytes = Buffer.from(text([TRADE_HEADER_LINE, ...ROWS]));
    const lineStart = Buffer.byteLength([TRADE_HEADER_LINE, ...ROWS.slice(0, k)].join('\n') + '\n');
    // Inside the quoted taxon name, where a Latin-1 export would put an accented letter.
    const at = lineStart + ROWS[k]!.indexOf('"', ROWS[k]!.indexOf(',', ROWS[k]!.indexOf(',', ROWS[k]!.indexOf(',') + 1) + 1)) + 2;
    bytes[at] = r.pick([0xe9, 0xff, 0xc3, 0x80]);
    return { bytes, expect: { refusedAt: k + 2 } };
  },
  'huge-field': (r) => {
    const rows = [...ROWS];
    const k = r.int(0, rows.length - 1);
    const f = fields(rows[k]!);
    f[3] = `"${'A'.repeat(r.int(70_000, 200_000))}"`;
    rows[k] = f.join(',');
    return { bytes: text([TRADE_HEADER_LINE, ...rows]), expect: { refusedAt: k + 2 } };
  },
  'unclosed-quote': (r) => {
    const rows = [...ROWS];
    const k = r.int(0, rows.length - 1);
    rows[k] = rows[k]!.replace(/"([^"]*)",(\d)/, '"$1 ,$2');
    return { bytes: text([TRADE_HEADER_LINE, ...rows]) };
  },
  'mixed-units': (r) => {
    let unknown = 0;
    const rows = ROWS.map((row) => {
      const f = fields(row);
      const unit = r.pick(['"g"', '"kg"', '"KG"', '"bags"', '"T"', '""', '"ml"', '"boxes"']);
      if (unit === '"bags"' || unit === '"boxes"') unknown += 1;
      f[10] = unit;
      return f.join(',');
    });
    return { bytes: text([TRADE_HEADER_LINE, ...rows]), expect: { stored: ROWS.length, rejected: 0, unknownUnits: unknown } };
  },
  'bad-values': (r) => {
    const rows = [...ROWS];
    const k = r.int(0, rows.length - 1);
    const f = fields(rows[k]!);
    const [column, value] = r.pick([[1, '20x4'], [9, '-3'], [9, '1,5'], [16, '"Z"'], [18, '"not-a-permit"'], [3, '""']] as const);
    f[column] = value;
    rows[k] = f.join(',');
    return { bytes: text([TRADE_HEADER_LINE, ...rows]), expect: { stored: ROWS.length - 1, rejected: 1, rejectedLines: [k + 2] } };
  },
  'field-count': (r) => {
    const rows = [...ROWS];
    const k = r.int(0, rows.length - 1);
    const f = fields(rows[k]!);
    if (r.chance(0.5)) f.push('"extra"');
    else f.pop();
    rows[k] = f.join(',');
    return { bytes: text([TRADE_HEADER_LINE, ...rows]), expect: { stored: ROWS.length - 1, rejected: 1, rejectedLines: [k + 2] } };
  },
  'random-damage': (r) => {
    const bytes = Buffer.from(text([TRADE_HEADER_LINE, ...ROWS]));
    for (let i = r.int(1, 5); i > 0; i -= 1) bytes[r.int(0, bytes.length - 1)] = r.int(0, 255);
    return { bytes: r.chance(0.3) ? bytes.subarray(0, r.int(0, bytes.length)) : bytes };
  },
};

describe('import fuzz', () => {
  it('1,100 mutated files: refused whole (nothing stored) or stored and rejected with counts that add up', async () => {
    const register = temp.open();
    const authority = createAuthority(register, { name: 'Fuzz MA', country: 'F', level: 'national', notes: '' });
    const dir = temp.dir();
    const counts = () => register.db.prepare('SELECT (SELECT count(*) FROM permit_imports) AS imports, (SELECT count(*) FROM trade_records) AS rows, (SELECT count(*) FROM permit_rejects) AS rejects').get() as { imports: number; rows: number; rejects: number };
    const tally: Record<string, { refused: number; accepted: number }> = {};
    let files = 0;
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      tally[name] = { refused: 0, accepted: 0 };
      for (let i = 0; i < 100; i += 1) {
        const random = new Random(i * 7919 + name.length);
        const mutation = mutate(random);
        const path = join(dir, `${name}-${i}.csv`);
        writeFileSync(path, mutation.bytes);
        files += 1;
        const before = counts();
        let summary: ImportSummary | null = null;
        let refused: ImportRefused | null = null;
        try {
          summary = await importPermitFiles(register, { authorityId: authority.id, format: 'trade-db', paths: [path] });
        } catch (error) {
          if (!(error instanceof ImportRefused)) throw new Error(`${name}-${i}: unexpected ${String(error)}`);
          refused = error;
        }
        const after = counts();
        expect(register.db.inTransaction).toBe(false);
        if (refused) {
          tally[name]!.refused += 1;
          expect(after, `${name}-${i} left rows behind`).toEqual(before);
          expect(refused.file).toBe(`${name}-${i}.csv`);
          expect(refused.reason.length).toBeGreaterThan(0);
          expect(refused.message).toMatch(/, line \d+: .+; nothing was imported$/);
        } else {
          tally[name]!.accepted += 1;
          const s = summary!;
          expect(s.rowsStored + s.rowsRejected, `${name}-${i}`).toBe(s.rowsRead);
          expect(after).toEqual({ imports: before.imports + 1, rows: before.rows + s.rowsStored, rejects: before.rejects + s.rowsRejected });
        }
        const wanted = mutation.expect;
        if (wanted && 'refusedAt' in wanted) {
          expect(refused?.line, `${name}-${i}`).toBe(wanted.refusedAt);
        } else if (wanted) {
          expect(refused, `${name}-${i}: ${refused?.message}`).toBeNull();
          expect([summary!.rowsStored, summary!.rowsRejected], `${name}-${i}`).toEqual([wanted.stored, wanted.rejected]);
          if (wanted.unknownUnits !== undefined) expect(summary!.unknownUnits).toBe(wanted.unknownUnits);
          if (wanted.rejectedLines) expect(summary!.rejects.map((x) => x.line), `${name}-${i}`).toEqual(wanted.rejectedLines);
        }
      }
    }
    expect(files).toBeGreaterThanOrEqual(1_000);
    // Both outcomes really happen where they can.
    expect(tally['random-damage']!.refused + tally['random-damage']!.accepted).toBe(100);
    expect(tally['unclosed-quote']!.refused).toBeGreaterThan(0);
  }, 600_000);
});
