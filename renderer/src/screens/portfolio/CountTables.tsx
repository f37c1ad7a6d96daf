import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../../shared/portfolio/types.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { FigureCell } from './Figure.js';

/** Authorities with at least one flag of each kind. */
export function FlagKindsTable({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation('portfolio');
  return (
    <table>
      <caption className="visually-hidden">{t('flags.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('flags.kind')}</th>
          <th scope="col" className="num">{t('flags.authorities')}</th>
        </tr>
      </thead>
      <tbody>
        {portfolio.flagKinds.map((f) => (
          <tr key={f.kind}>
            <th scope="row">{t(`common:flagKind.${f.kind}`)}</th>
            <FigureCell value={f.authorities} k={portfolio.k} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Authorities with no control in each family, core families first as the library lists them. */
export function FamilyGapsTable({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation('portfolio');
  const lib = useLibraryText();
  const titles = new Map(portfolio.families.map((f) => [f.id, f]));
  return (
    <table>
      <caption className="visually-hidden">{t('families.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('families.family')}</th>
          <th scope="col">{t('families.core')}</th>
          <th scope="col" className="num">{t('families.population')}</th>
          <th scope="col" className="num">{t('families.missing')}</th>
        </tr>
      </thead>
      <tbody>
        {portfolio.familyGaps.map((g) => (
          <tr key={g.family}>
            <th scope="row">{lib.family(titles.get(g.family) ?? { id: g.family, title: g.family })}</th>
            <td>{g.core ? t('common:common.yes') : t('common:common.no')}</td>
            <FigureCell value={g.population} k={portfolio.k} />
            <FigureCell value={g.missing} k={portfolio.k} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
