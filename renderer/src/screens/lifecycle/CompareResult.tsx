import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentComparison } from '../../../../shared/methodology/compare.js';
import { CsvButton } from '../../components/CsvButton.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { ChangeCells, ChangeHead } from './ChangeColumns.js';
import { CompareChain, CompareFlags } from './CompareChainFlags.js';
import { useDelta } from './useDelta.js';

type CriterionChange = AssessmentComparison['criteria'][number];

/** What changed between two assessments, exactly as the register's comparison reports it. */
export function CompareResult({ from, to, comparison }: { from: string; to: string; comparison: AssessmentComparison }) {
  const { t } = useTranslation('lifecycle');
  const format = useFormat();
  const lib = useLibraryText();
  const delta = useDelta();
  const [showAll, setShowAll] = useState(false);
  const showAllId = useId();
  const changed = (c: CriterionChange) => c.fromApplicable !== c.toApplicable || (c.delta !== null && c.delta !== 0);
  const criteria = showAll ? comparison.criteria : comparison.criteria.filter(changed);
  const maturity = (value: number | null, applicable: boolean | null) => (applicable === null ? t('compare.absent') : applicable === false ? t('compare.notApplicable') : value === null ? '—' : format.count(value));
  const change = (c: CriterionChange) => (c.delta === null && c.fromApplicable !== c.toApplicable ? t('compare.applicabilityChanged') : delta.levels(c.delta));

  return (
    <section className="compare-result" aria-labelledby={`${showAllId}-h`} data-testid="compare-result">
      <h3 id={`${showAllId}-h`}>{t('compare.heading', { from, to })}</h3>
      <table className="compare-scores">
        <caption>{t('compare.scores')}</caption>
        <ChangeHead subject={t('compare.measure')} />
        <tbody>
          <tr data-testid="compare-overall">
            <th scope="row">{t('compare.overall')}</th>
            <ChangeCells from={format.score(comparison.overall.from)} to={format.score(comparison.overall.to)} change={delta.score(comparison.overall)} delta={comparison.overall.delta} />
          </tr>
          <tr data-testid="compare-coverage">
            <th scope="row">{t('compare.coverage')}</th>
            <ChangeCells from={format.percent(comparison.coverage.from)} to={format.percent(comparison.coverage.to)} change={delta.points(comparison.coverage)} delta={comparison.coverage.delta} />
          </tr>
          {comparison.articles.map((a) => (
            <tr key={`${a.frameworkId}:${a.article}`}>
              <th scope="row">{t('compare.article', { article: a.article, title: lib.article(a.frameworkId, { id: a.article, title: a.title }) })}</th>
              <ChangeCells from={format.score(a.from)} to={format.score(a.to)} change={delta.score(a)} delta={a.delta} />
            </tr>
          ))}
        </tbody>
      </table>

      <div className="compare-head">
        <h4>{t('compare.criteria')}</h4>
        <span>
          <input id={showAllId} type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> <label htmlFor={showAllId}>{t('compare.showAll')}</label>
        </span>
        <CsvButton
          fileName={`compare ${from} ${to}`}
          table={t('compare.criteria')}
          headers={[t('compare.criterion'), t('compare.fromValue'), t('compare.toValue'), t('compare.change')]}
          rows={criteria.map((c) => [`${c.paragraph} ${lib.criterionTitle(c)}`, maturity(c.from, c.fromApplicable), maturity(c.to, c.toApplicable), c.delta ?? change(c)])}
        />
      </div>
      {criteria.length ? (
        <table data-testid="compare-criteria">
          <caption className="visually-hidden">{showAll ? t('compare.criteriaAllCaption') : t('compare.criteriaChangedCaption')}</caption>
          <ChangeHead subject={t('compare.criterion')} />
          <tbody>
            {criteria.map((c) => (
              <tr key={c.id} className={changed(c) ? 'changed' : undefined}>
                <th scope="row">
                  {c.paragraph} {lib.criterionTitle(c)}
                </th>
                <ChangeCells from={maturity(c.from, c.fromApplicable)} to={maturity(c.to, c.toApplicable)} change={change(c)} delta={c.delta} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('compare.noCriteriaChanged')}</p>
      )}
      <CompareChain cells={comparison.cells} />
      <CompareFlags flags={comparison.flags} />
    </section>
  );
}
