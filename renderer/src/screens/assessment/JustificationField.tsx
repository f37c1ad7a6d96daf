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
