import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OfficerConcentrationRow } from '../../../../../shared/permits/charts.js';
import { useFormat } from '../../../i18n/format.js';
import { FiguresTable } from './FiguresTable.js';
import { ChartFigure } from './ChartFigure.js';

/** The chart draws the officers whose work is most concentrated; the table lists them all. */
const DRAWN = 12;

/**
 * Officer concentration: per officer, the HHI of their permits across
 * applicants and their share of all permits. Officers appear as "Officer 1,
 * 2..." (by HHI) unless the user chose to show people.
 */
export function OfficerChart({ officers }: { officers: readonly OfficerConcentrationRow[] }) {
  const { t } = useTranslation('permits');
  const format = useFormat();
  const label = (o: OfficerConcentrationRow) => o.officer ?? t('charts.officerRank', { rank: o.rank });
  const drawn = officers.slice(0, DRAWN).map((o) => ({ label: label(o), hhi: o.hhi, share: o.sharePercent }));
  const title = t('charts.officers');
  return (
    <ChartFigure
      title={title}
      description={t('charts.officersDescription')}
      testId="permits-chart-officers"
      empty={officers.length === 0 ? t('charts.noOfficers') : null}
      chart={
        <ResponsiveContainer width="100%" height={60 + drawn.length * 34}>
          <BarChart data={drawn} layout="vertical" title={t('charts.officersAlt', { count: drawn.length, total: officers.length })} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <YAxis type="category" dataKey="label" width={150} interval={0} />
            {/* Each measure on its own scale, from 0 to a round figure above its largest value. */}
            <XAxis type="number" xAxisId="hhi" domain={[0, 'auto']} orientation="bottom" />
            <XAxis type="number" xAxisId="share" domain={[0, 'auto']} orientation="top" unit=" %" />
            <Tooltip />
            <Legend />
            <Bar xAxisId="hhi" dataKey="hhi" name={t('charts.hhi')} fill="#0b5cad" isAnimationActive={false} />
            <Bar xAxisId="share" dataKey="share" name={t('charts.share')} fill="#b35c00" isAnimationActive={false} unit=" %" />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <FiguresTable
          caption={title}
          rowColumn={t('charts.officer')}
          figureColumns={[t('charts.permits'), t('charts.share'), t('charts.applicants'), t('charts.hhi')]}
          rows={officers.map((o) => ({
            key: o.rank,
            header: label(o),
            headerClassName: o.officer ? 'mono' : undefined,
            figures: [format.count(o.permits), format.percent(o.sharePercent), format.count(o.applicants), format.count(o.hhi)],
          }))}
        />
      }
    />
  );
}
