import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../../shared/portfolio/types.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';

/** Stages down, risk types across: how many authorities have a high or critical residual risk in each cell. */
export function ChainGrid({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation('portfolio');
  const lib = useLibraryText();
  const format = useFormat();
  const cells = new Map(portfolio.cells.map((c) => [`${c.stage}/${c.riskType}`, c]));
  return (
    <ScrollRegion label={t('chain.caption')}>
      <table className="portfolio-grid">
        <caption className="visually-hidden">{t('chain.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chain.stage')}</th>
            {portfolio.riskTypes.map((r) => (
              <th key={r.id} scope="col">
                {lib.riskType(r)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {portfolio.stages.map((s) => (
            <tr key={s.id}>
              <th scope="row">{lib.stage(s)}</th>
              {portfolio.riskTypes.map((r) => {
                const cell = cells.get(`${s.id}/${r.id}`);
                if (!cell || cell.highOrCritical === null || cell.population === null) {
                  return (
                    <td key={r.id} className="suppressed">
                      {t('suppressed', { k: portfolio.k })}
                    </td>
                  );
                }
                return (
                  <td key={r.id} className={cell.highOrCritical > 0 ? 'hot' : undefined}>
                    {t('chain.cell', { n: format.count(cell.highOrCritical), population: format.count(cell.population) })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('chain.legend')}</p>
    </ScrollRegion>
  );
}
