import type { PermitFlag, TradeRecord } from '../records.js';
import { groupBy, tradeFlag } from './common.js';

export interface SourceShiftParams {
  /** Rise of the captive share, in percentage points, that is a flag. Default 30. */
  points: number;
  /** Longest span, in years, over which the rise counts. Default 3. */
  withinYears: number;
  /** Source codes counted as captive or ranched. Default C, D, F, R. */
  captiveSources: readonly string[];
  /** A year with fewer exporter-reported lines for the exporter and taxon is not compared (too few to form a share). Default 10. */
  minLinesPerYear: number;
}

export const SOURCE_SHIFT_DEFAULTS: SourceShiftParams = { points: 30, withinYears: 3, captiveSources: ['C', 'D', 'F', 'R'], minLinesPerYear: 10 };

interface YearShares {
  year: number;
  captive: number;
  wild: number;
  lines: TradeRecord[];
}

/**
 * Source-code shift (the laundering signal): for one exporter and taxon, the
 * share of exporter-reported lines declared captive or ranched rises by the
 * given points within the given years while the wild share falls. Shares
 * count lines, so units never mix. The captive lines of the later year are
 * flagged.
 */
export function sourceShiftFlags(records: readonly TradeRecord[], params: SourceShiftParams = SOURCE_SHIFT_DEFAULTS): PermitFlag[] {
  const captive = new Set(params.captiveSources);
  const flags: PermitFlag[] = [];
  const exported = records.filter((r) => r.reporter === 'E');
  for (const lines of groupBy(exported, (r) => `${r.exporter}\u0000${r.taxon}`).values()) {
    const years = [...groupBy(lines, (r) => String(r.year)).values()]
      .filter((ls) => ls.length >= params.minLinesPerYear)
      .map((ls): YearShares => ({
        year: ls[0]!.year,
        captive: ls.filter((r) => captive.has(r.source)).length / ls.length,
        wild: ls.filter((r) => r.source === 'W').length / ls.length,
        lines: ls,
      }))
      .sort((a, b) => a.year - b.year);
    for (const later of years) {
      const earlier = years.find((e) => e.year < later.year && later.year - e.year <= params.withinYears && (later.captive - e.captive) * 100 >= params.points - 1e-9 && later.wild < e.wild);
      if (!earlier) continue;
      for (const line of later.lines.filter((r) => captive.has(r.source))) {
        flags.push(
          tradeFlag('source-shift', line, {
            exporter: line.exporter,
            fromYear: earlier.year,
            toYear: later.year,
            captiveShareFrom: Math.round(earlier.captive * 1000) / 10,
            captiveShareTo: Math.round(later.captive * 1000) / 10,
          }),
        );
      }
    }
  }
  return flags;
}
