import { isIsoDate, type IsoDate } from '../domain/dates.js';

/**
 * An iCalendar file (RFC 5545) of all-day events, so people can put what falls
 * due into their own calendars. Pure: the caller passes the stamp time.
 */
export interface IcsEvent {
  /** Globally unique and stable across exports, so a re-import updates the event. */
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; a line break becomes \n. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one
 * space. Counted in UTF-8 octets, never splitting a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Octets of one character in UTF-8 (shared/ has no TextEncoder type). */
function utf8Length(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function basicDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `2026-11-28T07:50:13.123Z` → `20261128T075013Z` (UTC, as DTSTAMP requires). */
export function basicUtc(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new Error(`dtstamp: "${instant}" is not a time`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function buildIcs(events: readonly IcsEvent[], options: { dtstamp: string; calendarName: string }): string {
  const stamp = basicUtc(options.dtstamp);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Permit Integrity//Due list//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.calendarName)}`];
  for (const event of events) {
    if (!isIsoDate(event.date)) throw new Error(`event ${event.uid}: date "${event.date}" is not a date written YYYY-MM-DD`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(event.date))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
