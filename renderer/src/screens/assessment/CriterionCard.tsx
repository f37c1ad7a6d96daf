import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MATURITY_LEVELS } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { ApplicabilityForm } from './ApplicabilityForm.js';
import { criterionDomId, type CriterionRow } from './criteria.js';
import { FacetTable } from './FacetTable.js';
import { NotesForm } from './NotesForm.js';
import { OverrideForm } from './OverrideForm.js';
import { CommentThread } from '../comments/CommentThread.js';

/** One criterion as a self-assessment checklist item: what the treaty asks, how the authority stands, and the assessor's inputs. */
export const CriterionCard = forwardRef<HTMLHeadingElement, { row: CriterionRow; editable: boolean }>(function CriterionCard({ row, editable }, headingRef) {
  const { t } = useTranslation('assessment');
  const lib = useLibraryText();
  const { library } = useWorkspace();
  const c = row.result;
  const title = lib.criterionTitle(c);
  const domId = criterionDomId(c.id);
  const stageTitles = row.stages.map((id) => {
    const stage = library.stages.find((s) => s.id === id);
    return stage ? lib.stage(stage) : id;
  });
  return (
    <article className="panel criterion-card" id={domId} aria-labelledby={`${domId}-heading`} data-testid="criterion-card">
      <h2 id={`${domId}-heading`} ref={headingRef} tabIndex={-1}>
        <span className="criterion-ref">{c.paragraph}</span> {title}
      </h2>
      <dl className="criterion-facts">
        <div>
          <dt>{t('criterion.article')}</dt>
          <dd>{c.article}</dd>
        </div>
        <div>
          <dt>{t('criterion.obligation')}</dt>
          <dd>{t(`common:obligation.${c.obligation}`)}</dd>
        </div>
        <div>
          <dt>{t('criterion.target')}</dt>
          <dd data-testid="criterion-target">{t(`common:maturity.${c.target}`)}</dd>
        </div>
        <div>
          <dt>{t('criterion.weight')}</dt>
          <dd>{c.weight}</dd>
        </div>
        <div>
          <dt>{t('criterion.stages')}</dt>
          <dd>{stageTitles.length ? stageTitles.join(' · ') : t('criterion.noStages')}</dd>
        </div>
      </dl>

      <h3>{t('criterion.treatyText')}</h3>
      {row.library ? (
        <blockquote className="treaty" lang="en">
          {row.library.text}
        </blockquote>
      ) : (
        <p className="muted">{t('criterion.notInLibrary')}</p>
      )}
      {lib.treatyInEnglishOnly && row.library ? <p className="muted treaty-note">{t('common:common.treatyEnglish')}</p> : null}

      <section className="standing" aria-labelledby={`${domId}-standing`}>
        <h3 id={`${domId}-standing`}>{t('standing.title')}</h3>
        <dl className="maturity-summary">
          <div>
            <dt>{t('standing.derived')}</dt>
            <dd data-testid="derived-maturity">{t(`common:maturity.${c.derived}`)}</dd>
          </div>
          <div>
            <dt>{t('standing.override')}</dt>
            <dd data-testid="override-maturity">{c.override ? t(`common:maturity.${c.override.maturity}`) : t('standing.noOverride')}</dd>
          </div>
          <div>
            <dt>{t('standing.final')}</dt>
            <dd data-testid="final-maturity">
              <strong>{t(`common:maturity.${c.final}`)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('standing.againstTarget')}</dt>
            <dd data-testid="meets-target">
              {!c.applicable ? (
                <span className="target-na">{t('standing.excluded')}</span>
              ) : c.meetsTarget ? (
                <span className="target-met">✓ {t('standing.meets', { target: c.target })}</span>
              ) : (
                <span className="target-missed">✗ {t('standing.misses', { target: c.target })}</span>
              )}
            </dd>
          </div>
        </dl>
        {c.override ? (
          <p className="override-note">
            {t('standing.overrideNote', { derived: t(`common:maturity.${c.derived}`), override: t(`common:maturity.${c.override.maturity}`) })}{' '}
            <q>{c.override.justification}</q>
          </p>
        ) : null}
        <FacetTable row={row} />
      </section>

      {row.library ? (
        <section aria-labelledby={`${domId}-guidance`}>
          <h3 id={`${domId}-guidance`}>{t('guidance.title')}</h3>
          <ul className="guidance">
            {MATURITY_LEVELS.map((level) => {
              const current = level === c.final;
              return (
                <li key={level} className={current ? 'current' : undefined} aria-current={current ? 'true' : undefined}>
                  <strong>{t(`common:maturity.${level}`)}</strong>
                  {current ? <span className="current-mark"> {t('guidance.current')}</span> : null}
                  <span className="guidance-text">{lib.guidance(row.library!, level)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <div className="inputs-grid">
        <OverrideForm key={`o:${c.id}:${c.override?.maturity ?? ''}:${c.override?.justification ?? ''}`} row={row} editable={editable} />
        <ApplicabilityForm key={`a:${c.id}:${c.applicable}:${c.applicabilitySource}:${c.applicabilityJustification ?? ''}`} row={row} editable={editable} />
      </div>
      <NotesForm key={`n:${c.id}:${c.notes}`} row={row} editable={editable} />
      <CommentThread type="criterion" id={c.id} label={`${c.paragraph} ${title}`} collapsed={false} />
    </article>
  );
});
