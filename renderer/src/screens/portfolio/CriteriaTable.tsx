import { useTranslation } from 'react-i18next';
import type { Portfolio, PortfolioCriterion } from '../../../../shared/portfolio/types.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { FigureCell } from './Figure.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';

const LEVELS = [0, 1, 2, 3, 4] as const;

/** The count at one maturity level with a small bar: its share of the criterion's population (display only). */
function LevelCell({ c, level }: { c: PortfolioCriterion; level: number }) {
  const format = useFormat();
  const n = c.distribution[level] ?? 0;
  const width = c.population ? Math.round((n / c.population) * 100) : 0;
  return (
    <td className="num level-cell">
      {format.count(n)}
      {n > 0 ? <span className={`level-bar level-${level}`} style={{ width: `${width}%` }} aria-hidden="true" /> : null}
    </td>
  );
}

/** Per criterion: authorities at each final maturity 0–4 and below target, over those it applies to. */
export function CriteriaTable({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation('portfolio');
  const lib = useLibraryText();
  const format = useFormat();
  const k = portfolio.k;
  return (
    <ScrollRegion label={t('criteria.caption')}>
      <table className="portfolio-criteria">
        <caption className="visually-hidden">{t('criteria.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('criteria.paragraph')}</th>
            <th scope="col">{t('criteria.title')}</th>
            <th scope="col" className="num">{t('criteria.target')}</th>
            <th scope="col" className="num">{t('criteria.population')}</th>
            {LEVELS.map((level) => (
              <th key={level} scope="col" className="num">
                {t('criteria.level', { level })}
              </th>
            ))}
            <th scope="col" className="num">{t('criteria.belowTarget')}</th>
            <th scope="col" className="num">{t('criteria.share')}</th>
          </tr>
        </thead>
        <tbody>
          {portfolio.criteria.map((c) => (
            <tr key={`${c.frameworkId}/${c.id}`}>
              <th scope="row">{c.paragraph}</th>
              <td>{lib.criterionTitle(c)}</td>
              <td className="num">{c.target}</td>
              <FigureCell value={c.population} k={k} />
              {c.suppressed ? (
                <FigureCell value={null} k={k} colSpan={7} />
              ) : (
                <>
                  {LEVELS.map((level) => (
                    <LevelCell key={level} c={c} level={level} />
                  ))}
                  <FigureCell value={c.belowTarget} k={k} />
                  <td className="num">{c.belowTargetShare === null ? '' : format.percent(c.belowTargetShare * 100)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
