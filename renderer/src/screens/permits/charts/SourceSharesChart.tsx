import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SOURCE_GROUPS, type SourceGroup } from '../../../../../shared/permits/charts.js';
import type { PermitCharts } from '../../../../../shared/permits/summaries.js';
import { useFormat } from '../../../i18n/format.js';
import { FiguresTable } from './FiguresTable.js';
import { ChartFigure } from './ChartFigure.js';

/** Wild, captive and other, each with at least 3:1 contrast on white (WCAG 1.4.11). */
const COLOURS: Record<SourceGroup, string> = { wild: '#1f6f3a', captive: '#b35c00', other: '#5f6b7a' };

export interface SourceFilter {
  exporter: string;
  taxon: string;
}

/**
 * Source shares over the years: per year, the share of exporter-reported
 * lines declared wild, captive or ranched, and other, stacked to 100 %,
 * for every exporter or one, and taxa whose name contains a text.
 */
export function SourceSharesChart({ sources, filter, onFilter }: { sources: PermitCharts['sources']; filter: SourceFilter; onFilter: (filter: SourceFilter) => void }) {
  const { t } = useTranslation('permits');
  const format = useFormat();
  const ids = { exporter: useId(), taxon: useId() };
  const title = t('charts.sources');
  const names: Record<SourceGroup, string> = { wild: t('charts.wild'), captive: t('charts.captive', { sources: sources.captiveSources.join(', ') }), other: t('charts.other') };
  const data = sources.years.map((y) => ({ year: String(y.year), ...y.shares }));
  return (
    <ChartFigure
      title={title}
      description={t('charts.sourcesDescription')}
      testId="permits-chart-sources"
      empty={sources.years.length === 0 ? t('charts.noSources') : null}
      controls={
        sources.exporters.length === 0 ? null : (
        <div className="toolbar" role="group" aria-label={t('charts.sourcesFilter')}>
          <div className="filter-field">
            <label htmlFor={ids.exporter}>{t('charts.exporter')}</label>
            <select id={ids.exporter} value={filter.exporter} onChange={(e) => onFilter({ ...filter, exporter: e.target.value })}>
              <option value="">{t('charts.allExporters')}</option>
              {sources.exporters.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </div>
          <div className="filter-field">
            <label htmlFor={ids.taxon}>{t('charts.taxon')}</label>
            <input id={ids.taxon} value={filter.taxon} onChange={(e) => onFilter({ ...filter, taxon: e.target.value })} />
          </div>
        </div>
        )
      }
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} title={t('charts.sourcesAlt', { years: data.length })} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis domain={[0, 100]} unit=" %" allowDataOverflow />
            <Tooltip />
            <Legend />
            {SOURCE_GROUPS.map((g) => (
              <Bar key={g} dataKey={g} name={names[g]} stackId="shares" fill={COLOURS[g]} unit=" %" isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <FiguresTable
          caption={title}
          rowColumn={t('charts.year')}
          figureColumns={[t('charts.lines'), ...SOURCE_GROUPS.map((g) => names[g])]}
          rows={sources.years.map((y) => ({
            key: y.year,
            header: y.year,
            figures: [format.count(y.lines), ...SOURCE_GROUPS.map((g) => t('charts.shareOfLines', { share: format.percent(y.shares[g]), lines: format.count(y.counts[g]) }))],
          }))}
        />
      }
    />
  );
}
