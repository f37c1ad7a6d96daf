import type { TrendPoint } from '../../shared/report/trend.js';

export interface TrendSeries {
  /** A plain word ('overall', 'article0', …): recharts reads a data key as a property path, so no dots or colons. */
  key: string;
  label: string;
  /** One value per trend point, null where that assessment has no score for the series. */
  values: Array<number | null>;
}

/**
 * The overall score and each article's, one series per line, articles in the
 * order they first appear. The printed report and the Reports screen draw
 * the same lines and tabulate the same figures, so both take them from here
 * and only word the labels themselves.
 */
export function scoreSeries(points: readonly TrendPoint[], labels: { overall: string; article(article: string): string }): TrendSeries[] {
  const articles = new Map<string, { frameworkId: string; article: string }>();
  for (const point of points) for (const a of point.articles) articles.set(`${a.frameworkId}:${a.article}`, a);
  return [
    { key: 'overall', label: labels.overall, values: points.map((p) => p.overall) },
    ...[...articles.values()].map((a, i) => ({
      key: `article${i}`,
      label: labels.article(a.article),
      values: points.map((p) => p.articles.find((x) => x.frameworkId === a.frameworkId && x.article === a.article)?.score ?? null),
    })),
  ];
}
