import type { AssessmentResult } from '../methodology/assess.js';

export interface TrendPoint {
  assessmentUid: string;
  title: string;
  asOf: string;
  overall: number | null;
  articles: Array<{ frameworkId: string; article: string; score: number | null }>;
  flagCounts: AssessmentResult['flagCounts'];
}

/**
 * An authority's locked assessments in as-of order, each reduced to the
 * figures a trend shows. Drafts are left out: a trend compares what was signed off.
 */
export function trendOf(locked: ReadonlyArray<{ uid: string; title: string; result: AssessmentResult }>): TrendPoint[] {
  return [...locked]
    .sort((a, b) => (a.result.asOf < b.result.asOf ? -1 : a.result.asOf > b.result.asOf ? 1 : 0))
    .map(({ uid, title, result }) => ({
      assessmentUid: uid,
      title,
      asOf: result.asOf,
      overall: result.overall.score,
      articles: result.articles.map((a) => ({ frameworkId: a.frameworkId, article: a.article, score: a.score })),
      flagCounts: result.flagCounts,
    }));
}

/** A trend is worth drawing from two points on. */
export function hasTrend(points: readonly TrendPoint[]): boolean {
  return points.length >= 2;
}
