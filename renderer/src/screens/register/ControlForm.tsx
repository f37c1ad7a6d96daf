import { todayIso } from '../../i18n/format.js';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlInput } from '../../../../shared/domain/inputs.js';
import { MATURITY_LEVELS, type Maturity } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { FIELD_ORDER, toInput, validate, type ControlFormErrors, type ControlFormField, type ControlFormValues } from './control-form-model.js';
import { CoverageFieldset } from './CoverageFieldset.js';
import { InlineError, useErrorReport } from './useErrorReport.js';

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The add / edit form of a control, with messages that name the field before anything is sent. */
export function ControlForm({ initial, submitLabel, onSubmit, onCancel }: { initial: ControlFormValues; submitLabel: string; onSubmit: (input: ControlInput) => Promise<void>; onCancel?: () => void }) {
  const { t } = useTranslation('register');
  const { library } = useWorkspace();
  const lib = useLibraryText();
  const failure = useErrorReport();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ControlFormErrors>({});
  const [busy, setBusy] = useState(false);
  const family = library.families.find((f) => f.id === values.family);
  const err = (field: ControlFormField) => (errors[field] ? t(errors[field]!) : undefined);
  const described = (field: ControlFormField, hint = false) => [errors[field] ? `${id}-${field}-error` : '', hint ? `${id}-${field}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const set = <K extends keyof ControlFormValues>(key: K, value: ControlFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function changeFamily(next: string) {
    const f = library.families.find((x) => x.id === next);
    setValues((v) => ({ ...v, family: next, stages: v.stagesDefault ? (f?.stages ?? []) : v.stages, riskTypes: v.riskTypesDefault ? (f?.riskTypes ?? []) : v.riskTypes }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values, library, todayIso());
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"], [data-field="${first}"] input`)?.focus();
      return;
    }
    setBusy(true);
    failure.clear();
    try {
      await onSubmit(toInput(values));
    } catch (error) {
      failure.report(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="control-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <div className="grid-form">
        <Field id={`${id}-family`} label={t('form.family')} error={err('family')}>
          <select id={`${id}-family`} name="family" value={values.family} onChange={(e) => changeFamily(e.target.value)} aria-invalid={!!errors.family} aria-describedby={described('family')}>
            {library.families.map((f) => (
              <option key={f.id} value={f.id}>
                {lib.family(f)}
                {f.core ? ` (${t('form.core')})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-maturity`} label={t('form.maturity')} error={err('maturity')} hint={t('form.maturityHint')}>
          <select id={`${id}-maturity`} name="maturity" value={values.maturity} onChange={(e) => set('maturity', Number(e.target.value) as Maturity)} aria-describedby={described('maturity', true)}>
            {MATURITY_LEVELS.map((m) => (
              <option key={m} value={m}>
                {t(`common:maturity.${m}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={`${id}-title`} label={t('form.title')} error={err('title')}>
        <input id={`${id}-title`} name="title" type="text" value={values.title} onChange={(e) => set('title', e.target.value)} aria-invalid={!!errors.title} aria-describedby={described('title')} aria-required="true" />
      </Field>
      <Field id={`${id}-description`} label={t('form.description')} error={err('description')}>
        <textarea id={`${id}-description`} name="description" value={values.description} onChange={(e) => set('description', e.target.value)} aria-invalid={!!errors.description} aria-describedby={described('description')} />
      </Field>
      <div className="grid-form">
        <Field id={`${id}-owner`} label={t('form.owner')} error={err('owner')}>
          <input id={`${id}-owner`} name="owner" type="text" value={values.owner} onChange={(e) => set('owner', e.target.value)} aria-invalid={!!errors.owner} aria-describedby={described('owner')} />
        </Field>
        <Field id={`${id}-lastReviewed`} label={t('form.lastReviewed')} error={err('lastReviewed')} hint={t('form.lastReviewedHint')}>
          <input id={`${id}-lastReviewed`} name="lastReviewed" type="date" max={todayIso()} value={values.lastReviewed} onChange={(e) => set('lastReviewed', e.target.value)} aria-invalid={!!errors.lastReviewed} aria-describedby={described('lastReviewed', true)} />
        </Field>
      </div>
      <div className="grid-form">
        <CoverageFieldset
          name="stages"
          legend={t('form.stages')}
          defaultsLabel={t('form.useFamilyStages')}
          options={library.stages.map((s) => ({ id: s.id, label: lib.stage(s) }))}
          defaults={family?.stages ?? []}
          useDefaults={values.stagesDefault}
          selected={values.stages}
          error={err('stages')}
          disabled={busy}
          onChange={(useDefaults, selected) => setValues((v) => ({ ...v, stagesDefault: useDefaults, stages: selected }))}
        />
        <CoverageFieldset
          name="riskTypes"
          legend={t('form.riskTypes')}
          defaultsLabel={t('form.useFamilyRiskTypes')}
          options={library.riskTypes.map((r) => ({ id: r.id, label: lib.riskType(r) }))}
          defaults={family?.riskTypes ?? []}
          useDefaults={values.riskTypesDefault}
          selected={values.riskTypes}
          error={err('riskTypes')}
          disabled={busy}
          onChange={(useDefaults, selected) => setValues((v) => ({ ...v, riskTypesDefault: useDefaults, riskTypes: selected }))}
        />
      </div>
      <InlineError message={failure.message} />
      <div className="row form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common:actions.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
