import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { flaggedPermitsPerMonth } from '../../../../../shared/permits/charts.js';
import type { PermitFlag } from '../../../../../shared/permits/records.js';
import { useFormat } from '../../../i18n/format.js';
import { FiguresTable } from './FiguresTable.js';
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
        <FiguresTable
          caption={title}
          rowColumn={t('charts.month')}
          figureColumns={[t('chart.permits')]}
          rows={months.map((m) => ({ key: m.month, header: m.month, figures: [format.count(m.permits)] }))}
        />
      }
    />
  );
}
