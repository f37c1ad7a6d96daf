import type { PermitFlag, RegisterPermit } from '../records.js';
import { instantMs, wallClockMs } from './common.js';
import { registerFlag } from './register-common.js';

export interface OutOfHoursParams {
  /** Office opening, HH:MM local time. Default 08:00. */
  start: string;
  /** Office closing, HH:MM local time (exclusive). Default 18:00. */
  end: string;
  /** IANA zone that times with an offset are converted to; times without one are already local. Default UTC. */
  timeZone: string;
  /** Days of the week the office is closed, 0 = Sunday. Default Saturday and Sunday. */
  weekendDays: readonly number[];
  /** Public holidays, YYYY-MM-DD. Default none. */
  holidays: readonly string[];
}

export const OUT_OF_HOURS_DEFAULTS: OutOfHoursParams = { start: '08:00', end: '18:00', timeZone: 'UTC', weekendDays: [0, 6], holidays: [] };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The local wall clock of an instant in a zone. Offsets only change on the
 * hour or half hour, so one Intl lookup per UTC half hour serves every permit
 * in it (a million permits need a few thousand lookups, not a million).
 */
function zoneClock(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const offsets = new Map<number, number>();
  return (ms) => {
    const slot = Math.floor(ms / 1_800_000);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      const p = Object.fromEntries(format.formatToParts(slot * 1_800_000).map((x) => [x.type, x.value]));
      offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - slot * 1_800_000;
      offsets.set(slot, offset);
    }
    return ms + offset;
  };
}

/** Out-of-hours issuance: issued outside office hours, on a closed weekday or on a holiday. */
export function outOfHoursFlags(permits: readonly RegisterPermit[], params: OutOfHoursParams = OUT_OF_HOURS_DEFAULTS): PermitFlag[] {
  const open = minutes(params.start);
  const close = minutes(params.end);
  const holidays = new Set(params.holidays);
  const weekend = new Set(params.weekendDays);
  const local = zoneClock(params.timeZone);
  const flags: PermitFlag[] = [];
  for (const p of permits) {
    if (!p.issuedAt) continue;
    const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(p.issuedAt);
    const instant = hasOffset ? instantMs(p.issuedAt) : wallClockMs(p.issuedAt);
    if (instant === null) continue;
    const wall = new Date(hasOffset ? local(instant) : instant);
    const date = wall.toISOString().slice(0, 10);
    const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    const rule = holidays.has(date) ? 'holiday' : weekend.has(wall.getUTCDay()) ? 'weekend' : minute < open || minute >= close ? 'hours' : null;
    if (rule) flags.push(registerFlag('out-of-hours', p, { rule, localTime: wall.toISOString().slice(0, 16).replace('T', ' ') }));
  }
  return flags;
}
