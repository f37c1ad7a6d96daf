import { NoAssessment } from '../../components/EmptyState.js';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { SeverityBadge, StatusBadge } from '../../components/Badges.js';
import { CsvButton } from '../../components/CsvButton.js';
import { HeatMap } from '../../components/HeatMap.js';
import { MaturityRadar } from '../../components/MaturityRadar.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { DueSummary } from '../calendar/DueSummary.js';
import { OverviewTrend } from './OverviewTrend.js';

/** One authority's current assessment at a glance; every figure is read from the PI-1 result. */
export function Overview() {
  const { t } = useTranslation('overview');
  const w = useWorkspace();
  const format = useFormat();
  const lib = useLibraryText();
  const detail = w.detail;
  if (!detail) return <NoAssessment heading={t('title', { authority: w.authority?.name })} />;
  const { result, assessment } = detail;
  return (
    <>
      <h1>{t('title', { authority: w.authority?.name })}</h1>
      <p>
        {assessment.title} · {t('common:common.asOf', { date: format.date(assessment.asOf) })} · <StatusBadge status={assessment.status} /> · {t('methodology', { version: result.methodology.version })}
        {assessment.digest ? (
          <>
            {' '}
            · <span className="mono">SHA-256 {assessment.digest}</span>
          </>
        ) : null}
      </p>
      <section className="cards" aria-label={t('scores')}>
        <div className="card">
          <div className="label">{t('overall')}</div>
          <div className="value" data-testid="overall-score">
            {format.score(result.overall.score)}
          </div>
          <div className="muted">/ 100</div>
        </div>
        {result.articles.map((a) => (
          <div className="card" key={`${a.frameworkId}:${a.article}`}>
            <div className="label">{t('article', { article: a.article, title: lib.article(a.frameworkId, { id: a.article, title: a.title }) })}</div>
            <div className="value" data-testid={`article-score-${a.article}`}>
              {format.score(a.score)}
            </div>
            <div className="muted">/ 100</div>
          </div>
        ))}
        <div className="card">
          <div className="label">{t('coverage')}</div>
          <div className="value" data-testid="coverage">
            {format.percent(result.overall.coverage.percent)}
          </div>
          <div className="muted">{t('coverageDetail', { met: result.overall.coverage.met, total: result.overall.coverage.total })}</div>
        </div>
        {result.sections.map((s) => (
          <div className="card" key={s.frameworkId}>
            <div className="label">{lib.framework({ id: s.frameworkId, title: s.title })}</div>
            <div className="value" data-testid={`section-score-${s.frameworkId}`}>
              {format.score(s.score)}
            </div>
            <div className="muted">{t('sectionNote')}</div>
          </div>
        ))}
        <div className="card">
          <div className="label">{t('flags')}</div>
          <ul className="flag-counts" data-testid="flag-counts" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {SEVERITIES.map((s) => (
              <li key={s}>
                <SeverityBadge severity={s} /> <strong>{result.flagCounts[s]}</strong>
              </li>
            ))}
          </ul>
        </div>
      </section>
      <div className="grid-2">
        <OverviewTrend />
        <DueSummary />
      </div>
      <div className="grid-2">
        <section className="panel">
          <h2>{t('radar.title')}</h2>
          <MaturityRadar criteria={result.criteria} />
        </section>
        <section className="panel">
          <h2>{t('criteria')}</h2>
          <CsvButton
            fileName={`${w.authority?.name ?? ''} ${assessment.title} ${assessment.asOf} criteria`}
            headers={[t('criterion'), t('radar.maturity'), t('radar.target')]}
            rows={result.criteria.map((c) => [`${c.paragraph} ${lib.criterionTitle(c)}${c.applicable ? '' : ` (${t('notApplicable')})`}`, c.applicable ? c.final : null, c.target])}
          />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('criterion')}</th>
                <th scope="col" className="num">{t('radar.maturity')}</th>
                <th scope="col" className="num">{t('radar.target')}</th>
              </tr>
            </thead>
            <tbody>
              {result.criteria.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.paragraph} {lib.criterionTitle(c)}
                    {!c.applicable ? <span className="muted"> ({t('notApplicable')})</span> : null}
                  </td>
                  <td className="num">{c.applicable ? c.final : '—'}</td>
                  <td className="num">{c.target}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="panel">
        <h2>{t('heatmap.title')}</h2>
        <HeatMap cells={result.chain} caption={t('heatmap.title')} />
      </section>
    </>
  );
}
