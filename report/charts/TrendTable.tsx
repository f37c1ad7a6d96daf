import { SEVERITIES } from '../../shared/domain/vocabulary.js';
import type { TrendPoint } from '../../shared/report/trend.js';
import type { TrendSeries } from './trend-series.js';

/**
 * The trend's figures as a table, one row per locked assessment: its scores,
 * then its flag counts by severity. The charts on paper and on screen are
 * only pictures of these numbers, so both places print this same table; the
 * caller brings its own words and number formats.
 */
export function TrendTable({
  points,
  series,
  className,
  caption,
  asOfHeading,
  assessmentHeading,
  severityLabel,
  date,
  score,
}: {
  points: readonly TrendPoint[];
  series: readonly TrendSeries[];
  className?: string;
  /** Shown on screen; the printed report names the table with the heading above it instead. */
  caption?: string;
  asOfHeading: string;
  assessmentHeading: string;
  severityLabel(severity: (typeof SEVERITIES)[number]): string;
  date(iso: string): string;
  score(value: number | null): string;
}) {
  return (
    <table className={className}>
      {caption === undefined ? null : <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{asOfHeading}</th>
          <th scope="col">{assessmentHeading}</th>
          {series.map((s) => (
            <th scope="col" className="num" key={s.key}>
              {s.label}
            </th>
          ))}
          {SEVERITIES.map((s) => (
            <th scope="col" className="num" key={s}>
              {severityLabel(s)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((p, i) => (
          <tr key={p.assessmentUid}>
            <th scope="row">{date(p.asOf)}</th>
            <td>{p.title}</td>
            {series.map((s) => (
              <td className="num" key={s.key}>
                {score(s.values[i] ?? null)}
              </td>
            ))}
            {SEVERITIES.map((s) => (
              <td className="num" key={s}>
                {p.flagCounts[s]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
