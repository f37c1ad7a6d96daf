import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MATURITY_LEVELS, type Maturity } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { JustificationField, useJustification } from './JustificationField.js';
import { useSaveInput, type CriterionRow } from './criteria.js';

/** Overrides the derived maturity, either way, only with a written justification (PI-1 §3). */
export function OverrideForm({ row, editable }: { row: CriterionRow; editable: boolean }) {
  const { t } = useTranslation('assessment');
  const w = useWorkspace();
  const { save, busy } = useSaveInput();
  const c = row.result;
  const ids = { maturity: useId(), hint: useId() };
  const [maturity, setMaturity] = useState<Maturity>(c.override?.maturity ?? c.derived);
  const justification = useJustification(c.override?.justification ?? '');
  const disabled = !editable || busy;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!justification.check()) return;
    await save('assessments.setOverride', { id: w.detail!.assessment.id, criterionId: c.id, override: { maturity, justification: justification.value } }, 'override.saved', c.paragraph);
  }

  async function clear() {
    justification.clearError();
    await save('assessments.setOverride', { id: w.detail!.assessment.id, criterionId: c.id, override: null }, 'override.cleared', c.paragraph);
  }

  return (
    <form className="input-form" onSubmit={submit} noValidate aria-labelledby={`${ids.maturity}-title`}>
      <h3 id={`${ids.maturity}-title`}>{t('override.title')}</h3>
      <p className="muted" id={ids.hint}>
        {c.override ? t('override.inForce', { override: t(`common:maturity.${c.override.maturity}`), derived: t(`common:maturity.${c.derived}`) }) : t('override.none', { derived: t(`common:maturity.${c.derived}`) })}
      </p>
      <div className="field">
        <label htmlFor={ids.maturity}>{t('override.maturity')}</label>
        <select id={ids.maturity} value={maturity} disabled={disabled} onChange={(e) => setMaturity(Number(e.target.value) as Maturity)}>
          {MATURITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`common:maturity.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <JustificationField {...justification.field} hintId={ids.hint} disabled={disabled} />
      <div className="row">
        <button type="submit" className="primary" disabled={disabled}>
          {t('override.save')}
        </button>
        <button type="button" disabled={disabled || !c.override} onClick={() => void clear()}>
          {t('override.clear')}
        </button>
      </div>
    </form>
  );
}
