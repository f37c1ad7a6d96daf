import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { overviewTrend } from '../../../../shared/trend/overview-trend.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';
import { AfterFirstPaint } from '../../components/AfterFirstPaint.js';
import '../../styles/actions.css';

/**
 * Overall score of every assessment of the authority over time, and how far
 * the selected one has moved since the last locked assessment before it. The
 * chart is hidden from assistive technology; the table holds the same figures.
 */
export function OverviewTrend() {
  const { t } = useTranslation('overview');
  const w = useWorkspace();
  const format = useFormat();
  if (w.assessmentId === null) return null;
  const trend = overviewTrend(w.assessments, w.assessmentId);
  const rows = trend.points.map((p) => ({ asOf: format.date(p.asOf), overall: p.overall }));
  const sign = trend.change === null ? '' : trend.change > 0 ? '+' : trend.change < 0 ? '−' : '±';
  return (
    <section className="panel" aria-labelledby="overview-trend-title" data-testid="overview-trend">
      <h2 id="overview-trend-title">{t('trend.title')}</h2>
      <p data-testid="change-since-locked">
        {trend.baseline === null ? (
          t('trend.noBaseline')
        ) : trend.change === null ? (
          t('trend.noScore', { title: trend.baseline.title })
        ) : (
          <>
            {t('trend.change', { title: trend.baseline.title, date: format.date(trend.baseline.asOf) })}{' '}
            <strong className={trend.change > 0 ? 'change-up' : trend.change < 0 ? 'change-down' : undefined} data-testid="change-value">
              {sign}
              {format.score(Math.abs(trend.change))}
            </strong>
          </>
        )}
      </p>
      {rows.length >= 2 ? (
        <div className="trend-mini" aria-hidden="true">
          <AfterFirstPaint>
            <ResponsiveContainer>
              <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="asOf" />
                <YAxis domain={[0, 100]} />
                <Line type="linear" dataKey="overall" name={t('overall')} stroke="#0b5cad" strokeWidth={2} isAnimationActive={false} />
                <Tooltip />
              </LineChart>
            </ResponsiveContainer>
          </AfterFirstPaint>
        </div>
      ) : null}
      <table>
        <caption className="visually-hidden">{t('trend.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trend.asOf')}</th>
            <th scope="col">{t('trend.assessment')}</th>
            <th scope="col">{t('trend.status')}</th>
            <th scope="col" className="num">
              {t('overall')}
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.points.map((p) => (
            <tr key={p.id} aria-current={p.id === w.assessmentId ? 'true' : undefined}>
              <td>{format.date(p.asOf)}</td>
              <td>{p.title}</td>
              <td>{t(`common:status.${p.status}`)}</td>
              <td className="num">{format.score(p.overall)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
