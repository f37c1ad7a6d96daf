import { SEVERITIES } from '../shared/domain/vocabulary.js';
import type { ReportData } from '../shared/report/report-data.js';
import { FlagBars } from './charts/FlagBars.js';
import { TrendLines, trendSeries } from './charts/TrendLines.js';
import type { Words } from './words.js';

/**
 * The authority's locked assessments over time (drawn only from two on):
 * score lines and flag bars, each followed by the same figures as a table.
 */
export function Trend({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  const points = data.trend;
  const series = trendSeries(points, words);
  return (
    <section className="major trend" data-section="trend">
      <h2>{t('document.sections.trend')}</h2>
      <p>{t('document.trend.intro', { count: points.length })}</p>
      <h3>{t('document.trend.scores')}</h3>
      <TrendLines points={points} words={words} />
      <table className="trend-table">
        <thead>
          <tr>
            <th scope="col">{t('document.chart.asOf')}</th>
            <th scope="col">{t('document.trend.assessment')}</th>
            {series.map((s) => (
              <th scope="col" className="num" key={s.key}>
                {s.label}
              </th>
            ))}
            {SEVERITIES.map((s) => (
              <th scope="col" className="num" key={s}>
                {t(`document.severity.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={p.assessmentUid}>
              <th scope="row">{fmt.date(p.asOf)}</th>
              <td>{p.title}</td>
              {series.map((s) => (
                <td className="num" key={s.key}>
                  {fmt.score(s.values[i])}
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
      <div className="keep">
        <h3>{t('document.trend.flags')}</h3>
        <FlagBars points={points} words={words} />
      </div>
    </section>
  );
}
