import type { Portfolio, PortfolioCriterion, Suppressible } from '../../shared/portfolio/types.js';
import { StageRiskTable } from '../charts/StageRiskTable.js';
import { Shell } from './Shell.js';
import type { PortfolioWords } from './words.js';

/** Red (0) to green (4); the numbers beside the bar carry the meaning, the colours only help the eye. */
const LEVEL_FILL = ['#d64545', '#e8a33d', '#e6d35a', '#7fb77e', '#2f7d5b'];

function Num({ value, w }: { value: Suppressible; w: PortfolioWords }) {
  return value === null ? <td className="suppressed">{w.t('portfolio.suppressed')}</td> : <td className="num">{w.count(value)}</td>;
}

/** A stacked bar of the distribution, as inline SVG: shares of the criterion's population at each level. */
function DistributionBar({ c }: { c: PortfolioCriterion }) {
  const counts = c.distribution.map((n) => n ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let x = 0;
  return (
    <svg className="bar" width="120" height="12" viewBox="0 0 120 12" role="img" aria-hidden="true">
      {counts.map((n, level) => {
        const width = (n / total) * 120;
        const rect = <rect key={level} x={x} y={0} width={width} height={12} fill={LEVEL_FILL[level]} />;
        x += width;
        return rect;
      })}
    </svg>
  );
}

function CriteriaTable({ portfolio, w }: { portfolio: Portfolio; w: PortfolioWords }) {
  const t = w.t;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('portfolio.criteria.paragraph')}</th>
          <th scope="col">
            {t('portfolio.criteria.title')}
            <span className="sub">{t('portfolio.criteria.obligation')}</span>
          </th>
          <th scope="col" className="num">{t('portfolio.criteria.target')}</th>
          <th scope="col" className="num">{t('portfolio.criteria.population')}</th>
          {[0, 1, 2, 3, 4].map((level) => (
            <th key={level} scope="col" className="num">
              {t('portfolio.criteria.maturity', { level })}
            </th>
          ))}
          <th scope="col">{t('portfolio.criteria.distribution')}</th>
          <th scope="col" className="num">{t('portfolio.criteria.belowTarget')}</th>
          <th scope="col" className="num">{t('portfolio.criteria.share')}</th>
        </tr>
      </thead>
      <tbody>
        {portfolio.criteria.map((c) => (
          <tr key={`${c.frameworkId}/${c.id}`}>
            <th scope="row">{c.paragraph}</th>
            <td>
              {w.criterionTitle(c)}
              <span className="sub">{t(`portfolio.obligation.${c.obligation}`)}</span>
            </td>
            <td className="num">{c.target}</td>
            <Num value={c.population} w={w} />
            {c.suppressed ? (
              <td className="suppressed" colSpan={8}>
                {t('portfolio.suppressedLong', { k: portfolio.k })}
              </td>
            ) : (
              <>
                {c.distribution.map((n, level) => (
                  <Num key={level} value={n} w={w} />
                ))}
                <td>
                  <DistributionBar c={c} />
                </td>
                <Num value={c.belowTarget} w={w} />
                <td className="num">{c.belowTargetShare === null ? '' : w.percent(c.belowTargetShare)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChainGrid({ portfolio, w }: { portfolio: Portfolio; w: PortfolioWords }) {
  const t = w.t;
  return (
    <StageRiskTable
      className="grid"
      caption={t('portfolio.chain.gridCaption')}
      captionClassName="muted"
      stageHeading={t('portfolio.chain.stage')}
      stages={portfolio.stages}
      riskTypes={portfolio.riskTypes}
      stageLabel={(s) => w.stage(s.id)}
      riskTypeLabel={(r) => w.riskType(r.id)}
      cells={portfolio.cells}
      renderCell={(cell) =>
        !cell || cell.highOrCritical === null || cell.population === null ? (
          <td className="suppressed">{t('portfolio.suppressed')}</td>
        ) : (
          <td className={cell.highOrCritical > 0 ? 'hot' : undefined}>
            {w.count(cell.highOrCritical)} / {w.count(cell.population)}
          </td>
        )
      }
    />
  );
}

/** The portfolio as one self-contained document: counts only, no authority named. */
export function PortfolioDocument({ portfolio, w }: { portfolio: Portfolio; w: PortfolioWords }) {
  const t = w.t;
  return (
    <Shell language={w.language} title={t('portfolio.document.title')}>
      <h1>{t('portfolio.document.title')}</h1>
      <p className="muted">{t('portfolio.document.subtitle')}</p>
      <ul className="facts">
        <li>{t('portfolio.document.generated', { date: w.date(portfolio.generatedAt) })}</li>
        <li>{t('portfolio.document.authorities', { count: w.count(portfolio.authorities) })}</li>
        <li>{t('portfolio.document.usingDrafts', { count: w.figure(portfolio.usingDrafts) })}</li>
        <li>{t('portfolio.document.withoutAssessment', { count: w.count(portfolio.withoutAssessment) })}</li>
        <li>{t('portfolio.document.k', { k: portfolio.k })}</li>
      </ul>
      <p>{t('portfolio.document.anonymity', { k: portfolio.k })}</p>
      <p className="muted">{t('portfolio.document.members')}</p>
      {portfolio.suppressed ? <p className="notice">{t('portfolio.document.wholeSuppressed', { k: portfolio.k })}</p> : null}

      <h2>{t('portfolio.criteria.heading')}</h2>
      <p className="muted">{t('portfolio.criteria.intro')}</p>
      <CriteriaTable portfolio={portfolio} w={w} />

      <h2>{t('portfolio.flags.heading')}</h2>
      <p className="muted">{t('portfolio.flags.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('portfolio.flags.kind')}</th>
            <th scope="col" className="num">{t('portfolio.flags.authorities')}</th>
          </tr>
        </thead>
        <tbody>
          {portfolio.flagKinds.map((f) => (
            <tr key={f.kind}>
              <th scope="row">{t(`portfolio.flags.kinds.${f.kind}`)}</th>
              <Num value={f.authorities} w={w} />
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('portfolio.families.heading')}</h2>
      <p className="muted">{t('portfolio.families.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('portfolio.families.family')}</th>
            <th scope="col">{t('portfolio.families.core')}</th>
            <th scope="col" className="num">{t('portfolio.families.population')}</th>
            <th scope="col" className="num">{t('portfolio.families.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {portfolio.familyGaps.map((g) => (
            <tr key={g.family}>
              <th scope="row">{w.family(g.family)}</th>
              <td>{t(g.core ? 'portfolio.yes' : 'portfolio.no')}</td>
              <Num value={g.population} w={w} />
              <Num value={g.missing} w={w} />
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('portfolio.chain.heading')}</h2>
      <p className="muted">{t('portfolio.chain.intro')}</p>
      <ChainGrid portfolio={portfolio} w={w} />
    </Shell>
  );
}
