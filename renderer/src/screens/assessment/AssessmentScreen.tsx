import { NoAssessment } from '../../components/EmptyState.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBLIGATION_LEVELS } from '../../../../shared/domain/vocabulary.js';
import { inputsEditable } from '../../../../shared/methodology/lifecycle.js';
import { useWorkspace } from '../../app/workspace.js';
import { StatusBadge } from '../../components/Badges.js';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { clearCriterionFocus, criterionRows, lastCurrent, peekCriterionFocus, rememberCurrent, type CriterionRow } from './criteria.js';
import { CriterionCard } from './CriterionCard.js';
import { CriterionIndex } from './CriterionIndex.js';
import '../../styles/assessment.css';

interface Filters {
  article: string;
  obligation: string;
  stage: string;
}
const NO_FILTERS: Filters = { article: '', obligation: '', stage: '' };

function matches(row: CriterionRow, f: Filters): boolean {
  return (
    (!f.article || `${row.result.frameworkId}:${row.result.article}` === f.article) &&
    (!f.obligation || row.result.obligation === f.obligation) &&
    (!f.stage || row.stages.includes(f.stage))
  );
}

/**
 * The self-assessment, walked the way UNODC's checklist walks provisions: one
 * criterion at a time (its text, guidance, standing and the assessor's inputs),
 * with an index beside it and previous / next to move along the filtered list.
 */
export function AssessmentScreen() {
  const { t } = useTranslation('assessment');
  const w = useWorkspace();
  const format = useFormat();
  const lib = useLibraryText();
  const ids = { progress: useId(), article: useId(), obligation: useId(), stage: useId() };
  const detail = w.detail;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [requested] = useState(peekCriterionFocus);
  const [currentId, setCurrentId] = useState<string | null>(() => requested ?? lastCurrent());
  const [focusTick, setFocusTick] = useState(requested ? 1 : 0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rows = useMemo(() => (detail ? criterionRows(detail, w.library) : []), [detail, w.library]);

  useEffect(() => clearCriterionFocus(), []);
  useEffect(() => {
    if (!focusTick) return;
    // After the layout has focused <main> for a new screen, move focus to the criterion asked for.
    const timer = window.setTimeout(() => {
      headingRef.current?.focus();
      headingRef.current?.scrollIntoView({ block: 'start' });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [focusTick]);

  if (!detail) return <NoAssessment heading={t('title', { authority: w.authority?.name })} />;
  const { assessment, result } = detail;
  const editable = inputsEditable(assessment.status);
  const filtered = rows.filter((r) => matches(r, filters));
  const current = filtered.find((r) => r.id === currentId) ?? filtered[0] ?? null;
  const position = current ? filtered.indexOf(current) : -1;
  const assessed = rows.filter((r) => r.assessed).length;
  const filtering = filters.article !== '' || filters.obligation !== '' || filters.stage !== '';

  function select(id: string, focus: boolean) {
    setCurrentId(id);
    rememberCurrent(id);
    if (focus) setFocusTick((n) => n + 1);
  }
  const setFilter = (key: keyof Filters, value: string) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        {assessment.title} · {t('common:common.asOf', { date: format.date(assessment.asOf) })} · <StatusBadge status={assessment.status} />
      </p>
      <ReadOnlyNotice status={assessment.status} />

      <section className="panel assess-progress" aria-label={t('progress.label')}>
        <div className="progress-line">
          <label htmlFor={ids.progress}>{t('progress.assessed', { count: assessed, total: rows.length })}</label>
          <progress id={ids.progress} className="progress" max={rows.length || 1} value={assessed}>
            {t('progress.assessed', { count: assessed, total: rows.length })}
          </progress>
        </div>
        <p className="muted">{t('progress.hint')}</p>
        <p aria-live="polite" data-testid="assessment-scores">
          {t('progress.atTarget', { count: result.overall.coverage.met, total: result.overall.coverage.total })} · {t('progress.overall', { score: format.score(result.overall.score) })}
        </p>
      </section>

      <div className="toolbar" role="group" aria-label={t('filters.label')}>
        <div className="filter-field">
          <label htmlFor={ids.article}>{t('filters.article')}</label>
          <select id={ids.article} value={filters.article} onChange={(e) => setFilter('article', e.target.value)}>
            <option value="">{t('filters.allArticles')}</option>
            {detail.snapshot.articles.map((a) => (
              <option key={`${a.frameworkId}:${a.id}`} value={`${a.frameworkId}:${a.id}`}>
                {t('filters.articleOption', { article: a.id, title: lib.article(a.frameworkId, a) })}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.obligation}>{t('filters.obligation')}</label>
          <select id={ids.obligation} value={filters.obligation} onChange={(e) => setFilter('obligation', e.target.value)}>
            <option value="">{t('filters.allObligations')}</option>
            {OBLIGATION_LEVELS.map((o) => (
              <option key={o} value={o}>
                {t(`common:obligation.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.stage}>{t('filters.stage')}</label>
          <select id={ids.stage} value={filters.stage} onChange={(e) => setFilter('stage', e.target.value)}>
            <option value="">{t('filters.allStages')}</option>
            {w.library.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {lib.stage(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => setFilters(NO_FILTERS)} disabled={!filtering}>
          {t('filters.reset')}
        </button>
        <p className="filter-count" aria-live="polite" data-testid="criteria-shown">
          {t('filters.shown', { count: filtered.length, total: rows.length })}
        </p>
      </div>

      <div className="assess-layout">
        <CriterionIndex rows={filtered} currentId={current?.id ?? null} onSelect={(id) => select(id, true)} />
        <div className="assess-main">
          {current ? (
            <>
              <div className="pager">
                <button type="button" disabled={position <= 0} onClick={() => select(filtered[position - 1]!.id, false)}>
                  ← {t('pager.previous')}
                </button>
                <p className="pager-position" aria-live="polite">
                  {t('pager.position', { index: position + 1, count: filtered.length, criterion: current.result.paragraph })}
                </p>
                <button type="button" disabled={position >= filtered.length - 1} onClick={() => select(filtered[position + 1]!.id, false)}>
                  {t('pager.next')} →
                </button>
              </div>
              <CriterionCard key={current.id} ref={headingRef} row={current} editable={editable} />
            </>
          ) : (
            <p>{t('filters.none')}</p>
          )}
        </div>
      </div>
    </>
  );
}
