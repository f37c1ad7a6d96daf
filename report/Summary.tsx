import { SEVERITIES } from '../shared/domain/vocabulary.js';
import type { ReportData } from '../shared/report/report-data.js';
import { HeatMapTable } from './charts/HeatMapTable.js';
import { MaturityBars } from './charts/MaturityBars.js';
import type { Words } from './words.js';

/** How many flags the summary names; the action plan has every one. */
export const TOP_GAPS = 8;

/**
 * At most two A4 pages: scores, coverage, flag counts, maturity against
 * target, the most severe gaps and the residual heat map. Every figure is
 * read from the PI-1 result in ReportData.
 */
export function Summary({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  const scores = data.view.scores;
  const flags = data.actionPlan.rows.map((a) => a.flag);
  const top = flags.slice(0, TOP_GAPS);
  const total = SEVERITIES.reduce((n, s) => n + data.view.flagCounts[s], 0);
  return (
    <section className="major summary" data-section="summary">
      <h2>{t('document.sections.summary')}</h2>
      <div className="summary-top">
        <table className="scores">
          <caption>{t('document.summary.scores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('document.summary.scope')}</th>
              <th scope="col" className="num">
                {t('document.summary.score')}
              </th>
              <th scope="col" className="num">
                {t('document.summary.coverage')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="overall">
              <th scope="row">{t('document.summary.overall')}</th>
              <td className="num">
                <span className="big" data-field="overall-score">
                  {fmt.score(scores.overall)}
                </span>{' '}
                <span className="muted">{t('document.summary.outOf')}</span>
              </td>
              <td className="num">
                <span data-field="coverage">{fmt.percent(scores.coverage.percent)}</span>
                <br />
                <span className="muted small">{t('document.summary.coverageDetail', { count: scores.coverage.met, total: scores.coverage.total })}</span>
              </td>
            </tr>
            {scores.articles.map((a) => (
              <tr key={`${a.framework}:${a.article}`}>
                <th scope="row">{t('document.summary.article', { article: a.article, title: words.article(a.framework, a.article, a.title) })}</th>
                <td className="num" data-field={`article-score-${a.article}`}>
                  {fmt.score(a.score)}
                </td>
                <td className="num">
                  {fmt.percent(a.coverage.percent)}
                  <br />
                  <span className="muted small">{t('document.summary.coverageDetail', { count: a.coverage.met, total: a.coverage.total })}</span>
                </td>
              </tr>
            ))}
            {scores.sections.map((section) => (
              <tr key={section.framework} className="separate-section">
                <th scope="row">
                  {words.lib.framework({ id: section.framework, title: section.title })}
                  <br />
                  <span className="muted small">{t('document.offences.separate')}</span>
                </th>
                <td className="num" data-field={`section-score-${section.framework}`}>
                  {fmt.score(section.score)}
                </td>
                <td className="num">
                  {fmt.percent(section.coverage.percent)}
                  <br />
                  <span className="muted small">{t('document.summary.coverageDetail', { count: section.coverage.met, total: section.coverage.total })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="flag-counts">
          <p className="label">{t('document.summary.flags')}</p>
          <ul>
            {SEVERITIES.map((s) => (
              <li key={s} className={`sev sev-${s}`} data-field={`flags-${s}`}>
                <span className="sev-word">{t(`document.severity.${s}`)}</span> <strong>{data.view.flagCounts[s]}</strong>
              </li>
            ))}
          </ul>
          <p className="muted small">{t('document.summary.flagsTotal', { count: total })}</p>
        </div>
      </div>
      <h3>{t('document.summary.maturityChart')}</h3>
      <MaturityBars criteria={data.criteria} words={words} />
      <h3>{t('document.summary.topGaps')}</h3>
      {top.length === 0 ? (
        <p>{t('document.summary.noGaps')}</p>
      ) : (
        <>
          <table className="top-gaps">
            <thead>
              <tr>
                <th scope="col">{t('document.actions.severity')}</th>
                <th scope="col">{t('document.actions.subject')}</th>
                <th scope="col">{t('document.actions.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {top.map((flag, i) => (
                <tr key={i}>
                  <td>
                    <span className={`sev sev-${flag.severity}`}>{t(`document.severity.${flag.severity}`)}</span>
                  </td>
                  <td>{words.flagSubject(flag)}</td>
                  <td>{words.flagReason(flag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('document.summary.topGapsNote', { count: top.length, total: flags.length })}</p>
        </>
      )}
      <div className="keep">
        <h3>{t('document.summary.heatmap')}</h3>
        <HeatMapTable cells={data.view.chain} stages={data.labels.stages} riskTypes={data.labels.riskTypes} words={words} caption={t('document.summary.heatmap')} compact />
        <p className="muted small">{t('document.summary.heatmapNote')}</p>
      </div>
    </section>
  );
}
