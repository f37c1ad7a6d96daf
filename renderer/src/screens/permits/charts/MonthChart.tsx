import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { flaggedPermitsPerMonth } from '../../../../../shared/permits/charts.js';
import type { PermitFlag } from '../../../../../shared/permits/records.js';
import { useFormat } from '../../../i18n/format.js';
import { ChartFigure } from './ChartFigure.js';

/** Distinct flagged permits per month, over the flags the list below shows (so the filters apply). */
export function MonthChart({ flags }: { flags: readonly PermitFlag[] }) {
  const { t } = useTranslation('permits');
  const format = useFormat();
  const months = flaggedPermitsPerMonth(flags);
  const title = t('chart.perMonth');
  return (
    <ChartFigure
      title={title}
      description={t('charts.perMonthDescription')}
      testId="permits-chart-month"
      empty={months.length === 0 ? t('charts.noFlags') : null}
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={months} title={t('chart.perMonthAlt', { months: months.length })} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="permits" name={t('chart.permits')} fill="#0b5cad" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.month')}</th>
              <th scope="col" className="num">
                {t('chart.permits')}
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <td>{m.month}</td>
                <td className="num">{format.count(m.permits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
