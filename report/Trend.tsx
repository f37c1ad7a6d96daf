import type { ReportData } from '../shared/report/report-data.js';
import { FlagBars } from './charts/FlagBars.js';
import { TrendLines, trendSeries } from './charts/TrendLines.js';
import { TrendTable } from './charts/TrendTable.js';
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
      <TrendTable
        className="trend-table"
        points={points}
        series={series}
        asOfHeading={t('document.chart.asOf')}
        assessmentHeading={t('document.trend.assessment')}
        severityLabel={(s) => t(`document.severity.${s}`)}
        date={fmt.date}
        score={fmt.score}
      />
      <div className="keep">
        <h3>{t('document.trend.flags')}</h3>
        <FlagBars points={points} words={words} />
      </div>
    </section>
  );
}
