import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { ControlChoices } from '../screens/register/useControlChoices.js';

/**
 * The search box of a control picker, shown only when the authority has more
 * controls than a picker lists at once; says how many of how many are shown.
 */
export function ControlSearchField({ choices }: { choices: ControlChoices }) {
  const { t } = useTranslation('common');
  const id = useId();
  const format = useFormat();
  if (choices.complete) return null;
  const shown = choices.rows?.length ?? 0;
  return (
    <div className="field control-search">
      <label htmlFor={id}>{t('controlSearch.label')}</label>
      <input id={id} type="search" value={choices.search} aria-describedby={`${id}-hint`} onChange={(e) => choices.setSearch(e.target.value)} />
      <p className="hint" id={`${id}-hint`} aria-live="polite">
        {choices.rows !== null && shown === 0 && choices.search ? t('controlSearch.none', { search: choices.search }) : t('controlSearch.hint', { shown: format.count(shown), matching: format.count(choices.matching) })}
      </p>
    </div>
  );
}
