import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../../shared/portfolio/types.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { StageRiskTable } from '../../../../report/charts/StageRiskTable.js';

/** Stages down, risk types across: how many authorities have a high or critical residual risk in each cell. */
export function ChainGrid({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation('portfolio');
  const lib = useLibraryText();
  const format = useFormat();
  return (
    <ScrollRegion label={t('chain.caption')}>
      <StageRiskTable
        className="portfolio-grid"
        caption={t('chain.caption')}
        stageHeading={t('chain.stage')}
        stages={portfolio.stages}
        riskTypes={portfolio.riskTypes}
        stageLabel={lib.stage}
        riskTypeLabel={lib.riskType}
        cells={portfolio.cells}
        renderCell={(cell) =>
          !cell || cell.highOrCritical === null || cell.population === null ? (
            <td className="suppressed">{t('suppressed', { k: portfolio.k })}</td>
          ) : (
            <td className={cell.highOrCritical > 0 ? 'hot' : undefined}>{t('chain.cell', { n: format.count(cell.highOrCritical), population: format.count(cell.population) })}</td>
          )
        }
      />
      <p className="muted">{t('chain.legend')}</p>
    </ScrollRegion>
  );
}
