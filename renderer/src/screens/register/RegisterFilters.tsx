import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MATURITY_LEVELS } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { EVIDENCE_STATES, hasFilters, NO_FILTERS, type RegisterFilters as Filters } from './register-model.js';

/** The filter bar: family, stage, maturity, review state, evidence state and a text search. */
export function RegisterFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation('register');
  const { library } = useWorkspace();
  const lib = useLibraryText();
  const id = useId();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <fieldset className="toolbar register-filters">
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      <label htmlFor={`${id}-search`}>
        {t('filters.search')}
        <input id={`${id}-search`} type="search" value={filters.search} onChange={(e) => set('search', e.target.value)} placeholder={t('filters.searchPlaceholder')} />
      </label>
      <label htmlFor={`${id}-family`}>
        {t('filters.family')}
        <select id={`${id}-family`} value={filters.family} onChange={(e) => set('family', e.target.value)}>
          <option value="">{t('filters.allFamilies')}</option>
          {library.families.map((f) => (
            <option key={f.id} value={f.id}>
              {lib.family(f)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-stage`}>
        {t('filters.stage')}
        <select id={`${id}-stage`} value={filters.stage} onChange={(e) => set('stage', e.target.value)}>
          <option value="">{t('filters.allStages')}</option>
          {library.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {lib.stage(s)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-maturity`}>
        {t('filters.maturity')}
        <select id={`${id}-maturity`} value={filters.maturity} onChange={(e) => set('maturity', e.target.value)}>
          <option value="">{t('filters.allMaturities')}</option>
          {MATURITY_LEVELS.map((m) => (
            <option key={m} value={String(m)}>
              {t(`common:maturity.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-review`}>
        {t('filters.review')}
        <select id={`${id}-review`} value={filters.review} onChange={(e) => set('review', e.target.value as Filters['review'])}>
          <option value="">{t('filters.allReviews')}</option>
          <option value="overdue">{t('review.overdue')}</option>
          <option value="current">{t('review.current')}</option>
        </select>
      </label>
      <label htmlFor={`${id}-evidence`}>
        {t('filters.evidence')}
        <select id={`${id}-evidence`} value={filters.evidence} onChange={(e) => set('evidence', e.target.value as Filters['evidence'])}>
          <option value="">{t('filters.allEvidence')}</option>
          {EVIDENCE_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`common:evidenceState.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onChange(NO_FILTERS)} disabled={!hasFilters(filters)}>
        {t('filters.clear')}
      </button>
    </fieldset>
  );
}
