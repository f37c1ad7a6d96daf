import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { JustificationField, useJustification } from './JustificationField.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { useSaveInput, type CriterionRow } from './criteria.js';

/** Marks a criterion applicable or not, always with a justification; "restore" returns to the library's default. */
export function ApplicabilityForm({ row, editable }: { row: CriterionRow; editable: boolean }) {
  const { t } = useTranslation('assessment');
  const lib = useLibraryText();
  const w = useWorkspace();
  const { save, busy } = useSaveInput();
  const c = row.result;
  const ids = { title: useId(), name: useId() };
  const [applicable, setApplicable] = useState(c.applicable);
  const justification = useJustification(c.applicabilitySource === 'assessor' ? (c.applicabilityJustification ?? '') : '');
  const disabled = !editable || busy;
  const libraryDefault = row.library ?? w.detail!.snapshot.criteria.find((s) => s.id === c.id && s.frameworkId === c.frameworkId) ?? null;
  const defaultReason = libraryDefault && !libraryDefault.applicable ? lib.notApplicableReason({ id: c.id, notApplicableReason: libraryDefault.notApplicableReason }) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!justification.check()) return;
    await save('assessments.setApplicability', { id: w.detail!.assessment.id, criterionId: c.id, applicability: { applicable, justification: justification.value } }, 'applicability.saved', c.paragraph);
  }

  async function restore() {
    justification.clearError();
    await save('assessments.setApplicability', { id: w.detail!.assessment.id, criterionId: c.id, applicability: null }, 'applicability.restored', c.paragraph);
  }

  const state = t(c.applicable ? 'applicability.stateApplicable' : 'applicability.stateNotApplicable');
  return (
    <form className="input-form" onSubmit={submit} noValidate aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('applicability.title')}</h3>
      <p data-testid="applicability-state">
        {c.applicabilitySource === 'assessor' ? t('applicability.byAssessor', { state }) : t('applicability.byLibrary', { state })}
        {c.applicabilitySource === 'library' && defaultReason ? (
          <>
            {' '}
            <span data-testid="library-reason">{defaultReason}</span>
          </>
        ) : null}
      </p>
      {c.applicabilitySource === 'assessor' && libraryDefault ? (
        <p className="muted">
          {t('applicability.libraryDefault', { state: t(libraryDefault.applicable ? 'applicability.stateApplicable' : 'applicability.stateNotApplicable') })}
          {defaultReason ? (
            <>
              {' '}
              <span data-testid="library-reason">{defaultReason}</span>
            </>
          ) : null}
        </p>
      ) : null}
      <fieldset className="field" disabled={disabled}>
        <legend>{t('applicability.legend')}</legend>
        <label className="choice">
          <input type="radio" name={ids.name} checked={applicable} onChange={() => setApplicable(true)} /> {t('applicability.applicable')}
        </label>
        <label className="choice">
          <input type="radio" name={ids.name} checked={!applicable} onChange={() => setApplicable(false)} /> {t('applicability.notApplicable')}
        </label>
      </fieldset>
      <JustificationField {...justification.field} disabled={disabled} />
      <div className="row">
        <button type="submit" className="primary" disabled={disabled}>
          {t('applicability.save')}
        </button>
        <button type="button" disabled={disabled || c.applicabilitySource === 'library'} onClick={() => void restore()}>
          {t('applicability.restore')}
        </button>
      </div>
    </form>
  );
}
