import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Option {
  id: string;
  label: string;
}

/**
 * Stages or risk types a control covers: the family's defaults (sent as null,
 * so they follow the library) or an explicit list of checkboxes.
 */
export function CoverageFieldset(props: {
  name: string;
  legend: string;
  defaultsLabel: string;
  options: Option[];
  defaults: string[];
  useDefaults: boolean;
  selected: string[];
  error: string | undefined;
  disabled: boolean;
  onChange: (useDefaults: boolean, selected: string[]) => void;
}) {
  const { t } = useTranslation('register');
  const id = useId();
  const names = props.options.filter((o) => props.defaults.includes(o.id)).map((o) => o.label);
  const toggle = (option: string, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(option);
    else next.delete(option);
    props.onChange(false, props.options.map((o) => o.id).filter((o) => next.has(o)));
  };
  return (
    <fieldset className="field coverage" aria-describedby={props.error ? `${id}-error` : undefined} data-field={props.name}>
      <legend>{props.legend}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={props.useDefaults}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.checked, e.target.checked ? props.defaults : props.selected)}
        />{' '}
        {props.defaultsLabel}
      </label>
      <p className="hint">{names.length ? t('form.defaultsAre', { list: names.join(', ') }) : t('form.noDefaults')}</p>
      {props.useDefaults ? null : (
        <div className="check-grid">
          {props.options.map((o) => (
            <label key={o.id} className="check">
              <input type="checkbox" checked={props.selected.includes(o.id)} disabled={props.disabled} onChange={(e) => toggle(o.id, e.target.checked)} /> {o.label}
            </label>
          ))}
        </div>
      )}
      {props.error ? (
        <p id={`${id}-error`} className="error">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
