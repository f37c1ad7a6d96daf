/**
 * The Overview's trend: every assessment of the authority with its overall
 * score, in as-of order, and how far the selected one has moved since the last
 * locked assessment before it. The scores come from PI-1; this only orders and
 * subtracts them.
 */
export interface TrendInput {
  id: number;
  title: string;
  asOf: string;
  createdAt: string;
  status: string;
  overall: number | null;
}

export interface OverviewTrend {
  points: TrendInput[];
  /** The locked assessment compared against, or null when there is none before the selected one. */
  baseline: TrendInput | null;
  /** Selected minus baseline overall score, rounded to one decimal; null without a baseline or a score. */
  change: number | null;
}

function byDate(a: TrendInput, b: TrendInput): number {
  return a.asOf.localeCompare(b.asOf) || a.createdAt.localeCompare(b.createdAt) || a.id - b.id;
}

export function overviewTrend(assessments: readonly TrendInput[], selectedId: number): OverviewTrend {
  const points = [...assessments].sort(byDate);
  const selected = points.find((p) => p.id === selectedId);
  if (!selected) return { points, baseline: null, change: null };
  const before = points.filter((p) => p.id !== selected.id && p.status === 'locked' && byDate(p, selected) < 0);
  const baseline = before.at(-1) ?? null;
  const change = baseline && baseline.overall !== null && selected.overall !== null ? Math.round((selected.overall - baseline.overall) * 10) / 10 : null;
  return { points, baseline, change };
}
