import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES } from '../../../../shared/domain/vocabulary.js';
import type { TrendPoint } from '../../../../shared/report/trend.js';
import { scoreSeries } from '../../../../report/charts/trend-series.js';
import { TrendTable } from '../../../../report/charts/TrendTable.js';
import { useFormat } from '../../i18n/format.js';

const LINE_STYLES = [
  { stroke: '#1b1f24', dash: undefined, width: 3 },
  { stroke: '#0b5cad', dash: '6 3', width: 2 },
  { stroke: '#8a3b00', dash: '2 2', width: 2 },
  { stroke: '#1f5f2a', dash: '8 2 2 2', width: 2 },
];
const SEVERITY_FILL: Record<(typeof SEVERITIES)[number], string> = { critical: '#8b0d0d', high: '#c2410c', medium: '#a86b00', low: '#4a6fa5' };

/**
 * Scores and flags across the authority's locked assessments (shown from two
 * on). The charts are hidden from assistive technology; the table beside
 * them holds the same figures, all read from the PI-1 results.
 */
export function TrendPanel({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const headingId = useId();
  const series = scoreSeries(points, { overall: t('trend.overall'), article: (article) => t('trend.article', { article }) });
  const rows = points.map((p, i) => ({
    asOf: format.date(p.asOf),
    ...Object.fromEntries(series.map((s) => [s.key, s.values[i]])),
    ...p.flagCounts,
  }));
  const severity = (s: string) => t(`common:severity.${s}`);
  return (
    <section className="panel reports-trend" aria-labelledby={headingId} data-testid="trend">
      <h2 id={headingId}>{t('trend.title')}</h2>
      <div className="trend-charts" aria-hidden="true">
        <div>
          <p className="chart-title">{t('trend.scores')}</p>
          <div className="trend-chart">
            <ResponsiveContainer>
              <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="asOf" />
                <YAxis domain={[0, 100]} />
                {series.map((s, i) => {
                  const style = LINE_STYLES[i % LINE_STYLES.length]!;
                  return <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} isAnimationActive={false} connectNulls={false} />;
                })}
                <Legend />
                <Tooltip />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </div>
        <div>
          <p className="chart-title">{t('trend.flags')}</p>
          <div className="trend-chart">
            <ResponsiveContainer>
              <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="asOf" />
                <YAxis allowDecimals={false} />
                {SEVERITIES.map((s) => (
                  <Bar key={s} dataKey={s} name={severity(s)} fill={SEVERITY_FILL[s]} isAnimationActive={false} label={{ position: 'top', fontSize: 11 }} />
                ))}
                <Legend />
                <Tooltip />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
      </div>
      {/* Scrolls sideways on a narrow window, so it takes the keyboard focus. */}
      <div className="trend-table" role="region" aria-label={t('trend.tableCaption')} tabIndex={0}>
        <TrendTable
          caption={t('trend.tableCaption')}
          points={points}
          series={series}
          asOfHeading={t('trend.asOf')}
          assessmentHeading={t('trend.assessment')}
          severityLabel={severity}
          date={format.date}
          score={format.score}
        />
        <p className="muted">{t('trend.chartNote')}</p>
      </div>
    </section>
  );
}
