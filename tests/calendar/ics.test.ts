import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from '../../shared/calendar/ics.js';

/** A minimal RFC 5545 reader: unfolds, splits properties, unescapes text. Enough to read our own file back. */
function parseIcs(text: string): Array<Record<string, string>> {
  expect(text.endsWith('\r\n')).toBe(true);
  // Every line ends in CRLF: no bare LF anywhere.
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  // Components nest (VEVENT inside VCALENDAR): a stack, each closed one listed as it ends.
  const components: Array<Record<string, string>> = [];
  const open: Array<Record<string, string>> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') open.push({ BEGIN: value });
    else if (name === 'END') {
      expect(open.at(-1)?.BEGIN).toBe(value);
      components.push(open.pop()!);
    } else open.at(-1)![name] = value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  }
  expect(open).toEqual([]);
  return components;
}

describe('iCalendar export', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it('writes a calendar that parses back to the same events, with UID and DTSTAMP on each', () => {
    const summary = 'Revue du contrôle « Déclarations de patrimoine », bureau juridique; échéance';
    const description = 'Ligne 1\nLigne 2, avec virgule; et point-virgule \\ barre \\n littéral';
    const ics = buildIcs(
      [
        { uid: 'review/abc@permit-integrity', date: '2026-12-15', summary, description },
        { uid: 'reassessment/xyz@permit-integrity', date: '2026-12-31', summary: 'Re-assessment' },
      ],
      { dtstamp: '2026-11-28T07:50:13.456Z', calendarName: 'Veridia, due list' },
    );
    const [calendar, ...events] = parseIcs(ics).reverse();
    expect(calendar).toMatchObject({ BEGIN: 'VCALENDAR', VERSION: '2.0', 'X-WR-CALNAME': 'Veridia, due list' });
    expect(calendar!.PRODID).toMatch(/Permit Integrity/);
    events.reverse();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      BEGIN: 'VEVENT',
      UID: 'review/abc@permit-integrity',
      DTSTAMP: '20261128T075013Z',
      'DTSTART;VALUE=DATE': '20261215',
      'DTEND;VALUE=DATE': '20261216',
      SUMMARY: summary,
      DESCRIPTION: description,
    });
    expect(events[1]).toMatchObject({ 'DTSTART;VALUE=DATE': '20261231', 'DTEND;VALUE=DATE': '20270101', SUMMARY: 'Re-assessment' });
    expect(events[1]!.DESCRIPTION).toBeUndefined();
  });

  it('refuses an impossible date and a bad stamp', () => {
    expect(() => buildIcs([{ uid: 'x', date: '2026-02-30', summary: 's' }], { dtstamp: '2026-11-28T00:00:00Z', calendarName: 'c' })).toThrow(/2026-02-30/);
    expect(() => buildIcs([], { dtstamp: 'yesterday', calendarName: 'c' })).toThrow(/dtstamp/);
  });
});
