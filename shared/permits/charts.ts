import type { OfficerHhi } from './flags/officer-concentration.js';
import type { PermitFlag } from './records.js';

/** Distinct flagged permits per month (YYYY-MM), oldest first: the data of the "flags per month" chart. */
export function flaggedPermitsPerMonth(flags: readonly PermitFlag[]): Array<{ month: string; permits: number }> {
  const months = new Map<string, Set<string>>();
  for (const f of flags) {
    if (!f.date) continue;
    const month = f.date.slice(0, 7);
    (months.get(month) ?? months.set(month, new Set()).get(month)!).add(`${f.source}|${f.permit}`);
  }
  return [...months.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, permits]) => ({ month, permits: permits.size }));
}

/** One officer in the officer-concentration chart. */
export interface OfficerConcentrationRow {
  /** 1 for the officer whose work is most concentrated (highest HHI); the label when people are hidden. */
  rank: number;
  /** The officer's id (a pseudonym unless names were kept), or null when people are hidden. */
  officer: string | null;
  permits: number;
  /** The officer's permits as a share of every permit issued by a named officer to a named applicant, in %, one decimal. */
  sharePercent: number;
  applicants: number;
  /** Herfindahl-Hirschman index of the officer's permits across applicants, 0-10,000. */
  hhi: number;
}

/**
 * The officer-concentration chart: per officer, the share of all permits
 * they issued and the HHI of their work across applicants, highest HHI first
 * (the order officerHhi gives). An officer with a large share and a high HHI
 * issues much of the work and gives it to few applicants. Without people the
 * officer is known only by rank, which names no one.
 */
export function officerConcentration(hhi: readonly OfficerHhi[], withPeople: boolean): OfficerConcentrationRow[] {
  const total = hhi.reduce((sum, o) => sum + o.permits, 0);
  return hhi.map((o, i) => ({
    rank: i + 1,
    officer: withPeople ? o.officer : null,
    permits: o.permits,
    sharePercent: total > 0 ? Math.round((o.permits / total) * 1000) / 10 : 0,
    applicants: o.applicants,
    hhi: o.hhi,
  }));
}

/** Exporter-reported lines of one year with one source code (as the store counts them). */
export interface SourceCount {
  year: number;
  source: string;
  lines: number;
}

export const SOURCE_GROUPS = ['wild', 'captive', 'other'] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

/** One year of the source-shares chart. */
export interface SourceShareYear {
  year: number;
  lines: number;
  /** Lines per group. */
  counts: Record<SourceGroup, number>;
  /** Share of the year's lines per group, in %, one decimal (so the three may sum to 99.9 or 100.1). */
  shares: Record<SourceGroup, number>;
}

/**
 * Source shares over the years: per year, the share of lines declared wild
 * (W), captive or ranched (the captive sources of the source-shift rule,
 * C, D, F, R by default) and any other source (A, I, O, U, empty...). Lines
 * are counted, not quantities, as the source-shift rule does, so kilograms
 * and specimens never mix. Years come oldest first.
 */
export function sourceShares(counts: readonly SourceCount[], captiveSources: readonly string[]): SourceShareYear[] {
  const captive = new Set(captiveSources);
  const years = new Map<number, Record<SourceGroup, number>>();
  for (const c of counts) {
    const group: SourceGroup = c.source === 'W' ? 'wild' : captive.has(c.source) ? 'captive' : 'other';
    const year = years.get(c.year) ?? years.set(c.year, { wild: 0, captive: 0, other: 0 }).get(c.year)!;
    year[group] += c.lines;
  }
  const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
  return [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, groups]) => {
      const lines = groups.wild + groups.captive + groups.other;
      return { year, lines, counts: groups, shares: { wild: percent(groups.wild, lines), captive: percent(groups.captive, lines), other: percent(groups.other, lines) } };
    });
}
