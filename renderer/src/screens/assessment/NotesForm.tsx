import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useSaveInput, type CriterionRow } from './criteria.js';

/** The assessor's free notes on one criterion: findings, sources consulted, follow-up. */
export function NotesForm({ row, editable }: { row: CriterionRow; editable: boolean }) {
  const { t } = useTranslation('assessment');
  const w = useWorkspace();
  const { save, busy } = useSaveInput();
  const c = row.result;
  const id = useId();
  const [notes, setNotes] = useState(c.notes);
  const disabled = !editable || busy;

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save('assessments.setNotes', { id: w.detail!.assessment.id, criterionId: c.id, notes }, 'notes.saved', c.paragraph);
  }

  return (
    <form className="input-form notes-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('notes.label', { criterion: c.paragraph })}</label>
        <textarea id={id} value={notes} disabled={disabled} rows={4} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={disabled || notes === c.notes}>
        {t('notes.save')}
      </button>
    </form>
  );
}
