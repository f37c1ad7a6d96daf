import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionFields, type ActionStatus } from '../../../../shared/actions/actions.js';
import type { ActionView } from '../../../../shared/api/results.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { ControlSearchField } from '../../components/ControlSearchField.js';
import { useControlChoices } from '../register/useControlChoices.js';

export interface ActionDraft {
  title: string;
  owner: string;
  due: string;
  status: ActionStatus;
  justification: string;
  controlUids: string[];
  notes: string;
}

export function draftOf(action: ActionView | null, suggestedTitle: string): ActionDraft {
  return action
    ? { title: action.title, owner: action.owner, due: action.due ?? '', status: action.status, justification: action.justification, controlUids: action.controlUids, notes: action.notes }
    : { title: suggestedTitle, owner: '', due: '', status: 'open', justification: '', controlUids: [], notes: '' };
}

type Field = 'title' | 'justification';

/**
 * Owner, due date, status (accepted risk asks why), linked controls and notes
 * of one action. Checked here first so the message names the field; the API
 * checks again.
 */
export function ActionForm({ initial, onSave, onCancel }: { initial: ActionDraft; onSave: (fields: ActionFields) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation('actions');
  const notify = useNotify();
  const w = useWorkspace();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  // Searched on the server: a register of 10,000 controls can link any of them.
  const choices = useControlChoices(w.authority?.id ?? null, w.detail?.assessment.asOf ?? null, notify.error);
  const controls = choices.rows;
  const linkedElsewhere = draft.controlUids.filter((uid) => !controls?.some((c) => c.uid === uid));

  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const describedBy = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!draft.title.trim()) found.title = t('errors.title');
    if (draft.status === 'accepted-risk' && !draft.justification.trim()) found.justification = t('errors.justification');
    setErrors(found);
    const first = (Object.keys(found) as Field[])[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      // A control deleted since it was linked is dropped rather than refused; only a complete list can tell.
      const controlUids = controls && choices.complete ? draft.controlUids.filter((uid) => controls.some((c) => c.uid === uid)) : draft.controlUids;
      await onSave({ ...draft, due: draft.due || null, controlUids });
    } finally {
      setBusy(false);
    }
  }

  const error = (field: Field) =>
    errors[field] ? (
      <p className="error" id={`${id}-${field}-error`} role="alert">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="action-form">
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('fields.title')}</label>
        <input id={`${id}-title`} value={draft.title} required aria-invalid={errors.title ? true : undefined} aria-describedby={describedBy('title')} onChange={(e) => set('title', e.target.value)} />
        {error('title')}
      </div>
      <div className="action-form-row">
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('fields.owner')}</label>
          <input id={`${id}-owner`} value={draft.owner} onChange={(e) => set('owner', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('fields.due')}</label>
          <input id={`${id}-due`} type="date" value={draft.due} onChange={(e) => set('due', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('fields.status')}</label>
          <select id={`${id}-status`} value={draft.status} onChange={(e) => set('status', e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {draft.status === 'accepted-risk' ? (
        <div className="field">
          <label htmlFor={`${id}-justification`}>{t('fields.justification')}</label>
          <textarea
            id={`${id}-justification`}
            value={draft.justification}
            required
            aria-invalid={errors.justification ? true : undefined}
            aria-describedby={[describedBy('justification'), `${id}-justification-hint`].filter(Boolean).join(' ')}
            onChange={(e) => set('justification', e.target.value)}
          />
          <p className="hint" id={`${id}-justification-hint`}>
            {t('hints.justification')}
          </p>
          {error('justification')}
        </div>
      ) : null}
      <fieldset className="field action-controls">
        <legend>{t('fields.controls')}</legend>
        <ControlSearchField choices={choices} />
        {controls === null ? <p className="muted">{t('common:common.loading')}</p> : null}
        {controls?.length === 0 && !choices.search ? <p className="muted">{t('noControls')}</p> : null}
        {/* Linked controls outside the list (searched away, or beyond the first thousand) stay visible and can be unlinked. */}
        {choices.complete
          ? null
          : linkedElsewhere.map((uid) => (
              <label className="check" key={uid}>
                <input type="checkbox" checked onChange={() => set('controlUids', draft.controlUids.filter((u) => u !== uid))} />
                {choices.titles.get(uid) ?? t('common:controlSearch.linkedElsewhere', { uid })}
              </label>
            ))}
        {controls?.map((c) => (
          <label className="check" key={c.uid}>
            <input
              type="checkbox"
              checked={draft.controlUids.includes(c.uid)}
              onChange={(e) => set('controlUids', e.target.checked ? [...draft.controlUids, c.uid] : draft.controlUids.filter((u) => u !== c.uid))}
            />
            {c.title}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('fields.notes')}</label>
        <textarea id={`${id}-notes`} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </div>
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
