import { RISK_BANDS } from '../../shared/domain/vocabulary.js';
import type { Portfolio, Suppressible } from '../../shared/portfolio/types.js';
import { portfolioWords, type PortfolioWords } from './words.js';

export type PortfolioCell = string | number | null;

export interface PortfolioTable {
  id: 'summary' | 'criteria' | 'flags' | 'families' | 'chain';
  title: string;
  headers: string[];
  rows: PortfolioCell[][];
  /** Columns holding counts (right-aligned); a suppressed one holds the word instead. */
  numberColumns: number[];
  /** Columns holding a share 0–1, shown as a percentage. */
  percentColumns: number[];
}

/**
 * The portfolio's tables in one language, the sheets of the XLSX export. A
 * count stays a number; a suppressed figure becomes the word "suppressed"
 * in the chosen language, never 0 and never an empty cell.
 */
export function portfolioTables(portfolio: Portfolio, language: string): PortfolioTable[] {
  const w = portfolioWords(portfolio, language);
  const t = w.t;
  const cell = (value: Suppressible): PortfolioCell => (value === null ? t('portfolio.suppressed') : value);
  return [
    {
      id: 'summary',
      title: t('portfolio.sheets.summary'),
      headers: [t('portfolio.summary.item'), t('portfolio.summary.value')],
      rows: [
        [t('portfolio.summary.generated'), w.date(portfolio.generatedAt)],
        [t('portfolio.summary.k'), portfolio.k],
        [t('portfolio.summary.authorities'), portfolio.authorities],
        [t('portfolio.summary.usingDrafts'), cell(portfolio.usingDrafts)],
        [t('portfolio.summary.withoutAssessment'), portfolio.withoutAssessment],
        [t('portfolio.summary.wholeSuppressed'), t(portfolio.suppressed ? 'portfolio.yes' : 'portfolio.no')],
      ],
      numberColumns: [1],
      percentColumns: [],
    },
    {
      id: 'criteria',
      title: t('portfolio.sheets.criteria'),
      headers: [
        t('portfolio.criteria.framework'),
        t('portfolio.criteria.paragraph'),
        t('portfolio.criteria.title'),
        t('portfolio.criteria.obligation'),
        t('portfolio.criteria.target'),
        t('portfolio.criteria.population'),
        ...[0, 1, 2, 3, 4].map((level) => t('portfolio.criteria.maturity', { level })),
        t('portfolio.criteria.belowTarget'),
        t('portfolio.criteria.share'),
      ],
      rows: portfolio.criteria.map((c) => [
        c.frameworkId,
        c.paragraph,
        w.criterionTitle(c),
        t(`portfolio.obligation.${c.obligation}`),
        c.target,
        cell(c.population),
        ...c.distribution.map(cell),
        cell(c.belowTarget),
        cell(c.belowTargetShare),
      ]),
      numberColumns: [4, 5, 6, 7, 8, 9, 10, 11],
      percentColumns: [12],
    },
    {
      id: 'flags',
      title: t('portfolio.sheets.flags'),
      headers: [t('portfolio.flags.kind'), t('portfolio.flags.authorities')],
      rows: portfolio.flagKinds.map((f) => [t(`portfolio.flags.kinds.${f.kind}`), cell(f.authorities)]),
      numberColumns: [1],
      percentColumns: [],
    },
    {
      id: 'families',
      title: t('portfolio.sheets.families'),
      headers: [t('portfolio.families.family'), t('portfolio.families.core'), t('portfolio.families.population'), t('portfolio.families.missing')],
      rows: portfolio.familyGaps.map((g) => [w.family(g.family), t(g.core ? 'portfolio.yes' : 'portfolio.no'), cell(g.population), cell(g.missing)]),
      numberColumns: [2, 3],
      percentColumns: [],
    },
    chainTable(portfolio, w, cell),
  ];
}

function chainTable(portfolio: Portfolio, w: PortfolioWords, cell: (value: Suppressible) => PortfolioCell): PortfolioTable {
  const t = w.t;
  return {
    id: 'chain',
    title: t('portfolio.sheets.chain'),
    headers: [
      t('portfolio.chain.stage'),
      t('portfolio.chain.riskType'),
      t('portfolio.chain.population'),
      ...RISK_BANDS.map((band) => t(`portfolio.chain.bands.${band}`)),
      t('portfolio.chain.highOrCritical'),
    ],
    rows: portfolio.cells.map((c) => [w.stage(c.stage), w.riskType(c.riskType), cell(c.population), ...RISK_BANDS.map((band) => cell(c.bands[band] ?? null)), cell(c.highOrCritical)]),
    numberColumns: [2, 3, 4, 5, 6, 7],
    percentColumns: [],
  };
}
