import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../../shared/report/csv.js';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, ends every line with CRLF and quotes per RFC 4180', () => {
    const csv = toCsv(['Name', 'Note'], [
      ['Plain', 'a, b'],
      ['Quote "x"', 'line 1\nline 2'],
      ['Café – niño', null],
    ]);
    expect(csv).toBe('\uFEFFName,Note\r\nPlain,"a, b"\r\n"Quote ""x""","line 1\nline 2"\r\nCafé – niño,\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('neutralises text cells that start with =, +, -, @, tab or CR', () => {
    const hostile = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'];
    expect(hostile.map(neutraliseCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx"]);
    const csv = toCsv(['v'], hostile.map((cell) => [cell]));
    expect(csv).toBe("\uFEFFv\r\n'=1+1\r\n'+1\r\n'-1\r\n'@SUM(A1)\r\n'\tx\r\n\"'\rx\"\r\n");
  });

  it('keeps numbers numeric, negatives included, and leaves safe text alone', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[-1, 3.5, 0, 'a=b']])).toBe('\uFEFFa,b,c,d\r\n-1,3.5,0,a=b\r\n');
    expect(neutraliseCell(-1)).toBe('-1');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(' =1')).toBe(' =1');
  });

  it('neutralises the full-width forms ＝ ＋ － ＠ that some spreadsheets read as = + - @', () => {
    expect(['＝1+1', '＋1', '－1', '＠SUM(A1)'].map(neutraliseCell)).toEqual(["'＝1+1", "'＋1", "'－1", "'＠SUM(A1)"]);
    expect(neutraliseCell('a＝b')).toBe('a＝b');
  });

  it('neutralises a hostile header too and still quotes it', () => {
    expect(toCsv(['=cmd|"/c calc"!A1'], [])).toBe('\uFEFF"\'=cmd|""/c calc""!A1"\r\n');
  });
});
