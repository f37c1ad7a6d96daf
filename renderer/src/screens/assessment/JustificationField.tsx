import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The required written justification of an override or an applicability
 * decision, with its error tied to the field for screen readers.
 */
export function JustificationField(props: {
  id: string;
  errorId: string;
  hintId?: string;
  value: string;
  error: string | null;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const describedBy = [props.error ? props.errorId : null, props.hintId ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('common.justification')}</label>
      <textarea
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        required
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error ? (
        <p className="error" id={props.errorId} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The justification's value and error, and the check both forms make before
 * saving: an empty justification is refused here, naming the field, and focused.
 */
export function useJustification(initial: string) {
  const { t } = useTranslation('assessment');
  const ids = { id: useId(), errorId: useId() };
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return {
    value,
    /** Props for <JustificationField>, less `disabled` and `hintId`. */
    field: {
      ...ids,
      value,
      error,
      onChange: (next: string) => {
        setValue(next);
        if (error && next.trim()) setError(null);
      },
    },
    clearError: () => setError(null),
    /** True when a justification was given; otherwise shows the error and focuses the field. */
    check(): boolean {
      if (value.trim()) {
        setError(null);
        return true;
      }
      setError(t('errors.justification'));
      document.getElementById(ids.id)?.focus();
      return false;
    },
  };
}
