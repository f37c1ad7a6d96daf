import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/ScrollRegion.js';

/**
 * A chart with what makes it usable without sight or a mouse: a heading that
 * names it, a sentence saying what it shows, the chart itself (its surface
 * is focusable; arrow keys walk the bars and show each one's figures), and
 * the same figures as a table behind a disclosure, for screen readers and
 * for copying.
 */
export function ChartFigure({ title, description, testId, controls, chart, table, empty }: {
  title: string;
  description: string;
  testId: string;
  /** Filters that change what the chart shows, placed above it. */
  controls?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: string | null;
}) {
  const { t } = useTranslation('permits');
  const titleId = useId();
  const descriptionId = useId();
  return (
    <section className="panel permits-chart-panel" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      <p id={descriptionId} className="permits-chart-description">
        {description}
      </p>
      {controls}
      {empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <figure className="permits-chart" aria-labelledby={titleId} aria-describedby={descriptionId}>
            {chart}
          </figure>
          <details className="permits-chart-data">
            <summary>{t('charts.showTable')}</summary>
            <ScrollRegion label={t('charts.tableOf', { title })} className="permits-scroll">
              {table}
            </ScrollRegion>
          </details>
        </>
      )}
    </section>
  );
}
