import { addMonths } from '../domain/dates.js';
import { compareStrings } from '../domain/compare.js';
import { PERMIT_FLAG_MAPPING, sourcesAtStage, type PermitFlagPlace } from './mapping.js';
import type { PermitFlag, PermitSource } from './records.js';

/** Distinct flagged permits of one chain cell on one day. */
export interface FlaggedDay {
  date: string;
  stage: string;
  riskType: string;
  flagged: number;
}

/** Distinct permits of one source on one day. */
export interface HandledDay {
  date: string;
  source: PermitSource;
  permits: number;
}

/** What a locked snapshot keeps per cell: the counts its signal is computed from. */
export interface PermitSignalCell {
  stage: string;
  riskType: string;
  flagged: number;
  handled: number;
}

type Mapping = Readonly<Record<string, PermitFlagPlace>>;

/**
 * Per cell and day, the distinct permits flagged by any kind of that cell.
 * A permit flagged on several days in one cell counts once, on its latest
 * day, so summing days over any window never counts a permit twice.
 */
export function flaggedDays(flags: readonly PermitFlag[], mapping: Mapping = PERMIT_FLAG_MAPPING): FlaggedDay[] {
  const latest = new Map<string, { date: string; stage: string; riskType: string }>();
  for (const flag of flags) {
    const place = mapping[flag.kind];
    if (!place || !flag.date) continue;
    const key = `${place.stage}\u0000${place.riskType}\u0000${flag.source}\u0000${flag.permit}`;
    const seen = latest.get(key);
    if (!seen || seen.date < flag.date) latest.set(key, { date: flag.date, stage: place.stage, riskType: place.riskType });
  }
  const days = new Map<string, FlaggedDay>();
  for (const { date, stage, riskType } of latest.values()) {
    const key = `${date}\u0000${stage}\u0000${riskType}`;
    const day = days.get(key);
    if (day) day.flagged += 1;
    else days.set(key, { date, stage, riskType, flagged: 1 });
  }
  return [...days.values()].sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.stage, b.stage) || compareStrings(a.riskType, b.riskType));
}

/** Per source and day, the distinct permits; a permit seen on several days counts on its latest. */
export function handledDays(permits: Iterable<{ source: PermitSource; permit: string; date: string }>): HandledDay[] {
  const latest = new Map<string, { source: PermitSource; date: string }>();
  for (const p of permits) {
    if (!p.date) continue;
    const key = `${p.source}\u0000${p.permit}`;
    const seen = latest.get(key);
    if (!seen || seen.date < p.date) latest.set(key, { source: p.source, date: p.date });
  }
  const days = new Map<string, HandledDay>();
  for (const { source, date } of latest.values()) {
    const key = `${date}\u0000${source}`;
    const day = days.get(key);
    if (day) day.permits += 1;
    else days.set(key, { date, source, permits: 1 });
  }
  return [...days.values()].sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.source, b.source));
}

/** PI-1.2's window: the 12 months before the as-of date, as-of included. */
export function signalWindow(asOf: string): { from: string; to: string } {
  return { from: addMonths(asOf, -12), to: asOf };
}

const inWindow = (date: string, w: { from: string; to: string }) => date > w.from && date <= w.to;

/**
 * Each mapped cell's flagged and handled permits over the window. Cells are
 * listed only when their stage handled at least one permit, in a fixed order.
 */
export function signalCounts(flagged: readonly FlaggedDay[], handled: readonly HandledDay[], asOf: string, mapping: Mapping = PERMIT_FLAG_MAPPING): PermitSignalCell[] {
  const window = signalWindow(asOf);
  const bySource = new Map<PermitSource, number>();
  for (const day of handled) if (inWindow(day.date, window)) bySource.set(day.source, (bySource.get(day.source) ?? 0) + day.permits);
  const cells = new Map<string, PermitSignalCell>();
  for (const place of Object.values(mapping)) {
    const key = `${place.stage}/${place.riskType}`;
    if (cells.has(key)) continue;
    const handledHere = sourcesAtStage(place.stage, mapping).reduce((sum, s) => sum + (bySource.get(s) ?? 0), 0);
    if (handledHere > 0) cells.set(key, { stage: place.stage, riskType: place.riskType, flagged: 0, handled: handledHere });
  }
  for (const day of flagged) {
    const cell = cells.get(`${day.stage}/${day.riskType}`);
    if (cell && inWindow(day.date, window)) cell.flagged += day.flagged;
  }
  return [...cells.values()].sort((a, b) => compareStrings(a.stage, b.stage) || compareStrings(a.riskType, b.riskType));
}
