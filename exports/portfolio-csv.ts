import { portfolioWords } from '../report/portfolio/words.js';
import { RISK_BANDS } from '../shared/domain/vocabulary.js';
import type { Portfolio, Suppressible } from '../shared/portfolio/types.js';
import { toCsv, type CsvCell } from '../shared/report/csv.js';

/**
 * The whole portfolio as one long CSV table, one figure per row (section,
 * reference, title, population, figure, value), so that every table of the
 * view fits one file and filters cleanly in a spreadsheet. A suppressed value
 * is the translated word, never 0.
 */
export function portfolioCsv(portfolio: Portfolio, language: string): string {
  const w = portfolioWords(portfolio, language);
  const t = w.t;
  const value = (v: Suppressible): CsvCell => (v === null ? t('portfolio.suppressed') : v);
  const section = (id: string) => t(`portfolio.csv.sections.${id}`);
  const rows: CsvCell[][] = [
    [section('summary'), '', t('portfolio.summary.k'), null, t('portfolio.summary.k'), portfolio.k],
    [section('summary'), '', t('portfolio.summary.authorities'), null, t('portfolio.summary.authorities'), portfolio.authorities],
    [section('summary'), '', t('portfolio.summary.usingDrafts'), null, t('portfolio.summary.usingDrafts'), value(portfolio.usingDrafts)],
    [section('summary'), '', t('portfolio.summary.withoutAssessment'), null, t('portfolio.summary.withoutAssessment'), portfolio.withoutAssessment],
  ];
  for (const c of portfolio.criteria) {
    const head = [section('criterion'), c.paragraph, w.criterionTitle(c), value(c.population)];
    c.distribution.forEach((n, level) => rows.push([...head, t('portfolio.criteria.maturity', { level }), value(n)]));
    rows.push([...head, t('portfolio.criteria.belowTarget'), value(c.belowTarget)]);
  }
  for (const f of portfolio.flagKinds) rows.push([section('flag'), f.kind, t(`portfolio.flags.kinds.${f.kind}`), value(portfolio.suppressed ? null : portfolio.authorities), t('portfolio.flags.authorities'), value(f.authorities)]);
  for (const g of portfolio.familyGaps) rows.push([section('family'), g.family, w.family(g.family), value(g.population), t('portfolio.families.missing'), value(g.missing)]);
  for (const c of portfolio.cells) {
    const head = [section('cell'), `${c.stage}/${c.riskType}`, `${w.stage(c.stage)} × ${w.riskType(c.riskType)}`, value(c.population)];
    for (const band of RISK_BANDS) rows.push([...head, t('portfolio.chain.band', { band: t(`portfolio.chain.bands.${band}`) }), value(c.bands[band] ?? null)]);
    rows.push([...head, t('portfolio.chain.highOrCritical'), value(c.highOrCritical)]);
  }
  return toCsv([t('portfolio.csv.section'), t('portfolio.csv.reference'), t('portfolio.csv.title'), t('portfolio.csv.population'), t('portfolio.csv.figure'), t('portfolio.csv.value')], rows);
}
