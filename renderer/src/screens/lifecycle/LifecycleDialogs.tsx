import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogButtons } from '../../components/DialogButtons.js';
import { todayIso } from '../../i18n/format.js';

/** A labelled form field whose error message names the field and is tied to the input. */
export function Field({ label, error, hint, children }: { label: string; error?: string | null; hint?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Title and as-of date, for a new assessment or a clone; validation names the field. */
function useTitleAsOf(initialTitle: string) {
  const { t } = useTranslation('lifecycle');
  const [title, setTitle] = useState(initialTitle);
  const [asOf, setAsOf] = useState(todayIso());
  const [errors, setErrors] = useState<{ title?: string; asOf?: string }>({});
  function validate(): boolean {
    const next: typeof errors = {};
    if (!title.trim()) next.title = t('errors.titleRequired');
    if (!isIsoDate(asOf)) next.asOf = t('errors.asOfInvalid');
    setErrors(next);
    return !next.title && !next.asOf;
  }
  const fields = (
    <>
      <Field label={t('fields.title')} error={errors.title}>
        {(p) => <input {...p} type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />}
      </Field>
      <Field label={t('fields.asOf')} error={errors.asOf} hint={t('fields.asOfHint')}>
        {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />}
      </Field>
    </>
  );
  return { title: title.trim(), asOf, validate, fields };
}

interface Common {
  open: boolean;
  busy: boolean;
  onClose(): void;
}

export interface PackChoice {
  extended: boolean;
  offences: boolean;
}

export function NewAssessmentDialog({
  open,
  busy,
  onClose,
  onCreate,
  hasExtended,
  hasOffences,
}: Common & { hasExtended: boolean; hasOffences: boolean; onCreate(title: string, asOf: string, packs: PackChoice): void }) {
  const { t } = useTranslation('lifecycle');
  const form = useTitleAsOf('');
  const [extended, setExtended] = useState(false);
  // PI-1.3: the legal framework pack is offered and on by default; it is scored apart from the overall score.
  const [offences, setOffences] = useState(true);
  const extendedId = useId();
  const offencesId = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.validate()) onCreate(form.title, form.asOf, { extended, offences });
  }
  return (
    <Dialog title={t('newDialog.title')} open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('newDialog.intro')}</p>
        {form.fields}
        {hasOffences ? (
          <div className="field checkbox-field">
            <span>
              <input id={offencesId} type="checkbox" checked={offences} onChange={(e) => setOffences(e.target.checked)} />{' '}
              <label htmlFor={offencesId}>{t('newDialog.offences')}</label>
            </span>
            <span className="hint">{t('newDialog.offencesHint')}</span>
          </div>
        ) : null}
        {hasExtended ? (
          <div className="field checkbox-field">
            <span>
              <input id={extendedId} type="checkbox" checked={extended} onChange={(e) => setExtended(e.target.checked)} />{' '}
              <label htmlFor={extendedId}>{t('newDialog.extended')}</label>
            </span>
            <span className="hint">{t('newDialog.extendedHint')}</span>
          </div>
        ) : null}
        <DialogButtons submit={t('newDialog.submit')} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function CloneDialog({ open, busy, onClose, onClone, source }: Common & { source: string; onClone(title: string, asOf: string): void }) {
  const { t } = useTranslation('lifecycle');
  const form = useTitleAsOf(t('cloneDialog.defaultTitle', { title: source }));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.validate()) onClone(form.title, form.asOf);
  }
  return (
    <Dialog title={t('cloneDialog.title', { title: source })} open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>{t('cloneDialog.intro')}</p>
        {form.fields}
        <DialogButtons submit={t('cloneDialog.submit')} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ReturnDialog({
  open,
  busy,
  onClose,
  onReturn,
  source,
  criteria,
}: Common & { source: string; criteria: Array<{ id: string; label: string }>; onReturn(reason: string, criterionId: string | null): void }) {
  const { t } = useTranslation('lifecycle');
  const [reason, setReason] = useState('');
  const [criterion, setCriterion] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return setError(t('errors.reasonRequired'));
    setError(null);
    onReturn(reason.trim(), criterion || null);
  }
  return (
    <Dialog title={t('returnDialog.title', { title: source })} open={open} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>{t('returnDialog.intro')}</p>
        <Field label={t('returnDialog.reason')} error={error} hint={t('returnDialog.reasonHint')}>
          {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} required />}
        </Field>
        <Field label={t('comments:returnThread')} hint={t('comments:returnThreadHint')}>
          {(p) => (
            <select {...p} value={criterion} onChange={(e) => setCriterion(e.target.value)}>
              <option value="">{t('comments:wholeAssessment')}</option>
              {criteria.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DialogButtons submit={t('returnDialog.submit')} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function LockDialog({ open, busy, onClose, onLock, source }: Common & { source: string; onLock(): void }) {
  const { t } = useTranslation('lifecycle');
  function submit(e: FormEvent) {
    e.preventDefault();
    onLock();
  }
  return (
    <Dialog title={t('lockDialog.title', { title: source })} open={open} onClose={onClose}>
      <form onSubmit={submit}>
        <p>{t('lockDialog.freezes')}</p>
        <ul>
          <li>{t('lockDialog.point1')}</li>
          <li>{t('lockDialog.point2')}</li>
          <li>{t('lockDialog.point3')}</li>
        </ul>
        <p className="notice-inline">{t('lockDialog.forever')}</p>
        <DialogButtons submit={t('lockDialog.submit')} busy={busy} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
