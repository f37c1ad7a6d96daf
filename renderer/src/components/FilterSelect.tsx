import { useId } from 'react';

/** One labelled filter of a list: "all" first (the empty value), then each choice with its words. */
export function FilterSelect({ label, all, value, choices, onChange }: { label: string; all: string; value: string; choices: ReadonlyArray<{ value: string; label: string }>; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
