import { useTranslation } from 'react-i18next';

function parse(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Field by field, before → after: one line per field of a record created, deleted or changed. */
export function AuditChange({ oldValue, newValue, field }: { oldValue: string | null; newValue: string | null; field: string | null }) {
  const { t } = useTranslation('audit');
  const before = parse(oldValue);
  const after = parse(newValue);
  const pairs: Array<[string, unknown, unknown]> =
    isRecord(before) || isRecord(after)
      ? [...new Set([...Object.keys(isRecord(before) ? before : {}), ...Object.keys(isRecord(after) ? after : {})])].map((k) => [k, isRecord(before) ? before[k] : undefined, isRecord(after) ? after[k] : undefined])
      : [[field ?? '', before, after]];
  return (
    <ul className="audit-fields">
      {pairs
        .filter(([, b, a]) => JSON.stringify(b) !== JSON.stringify(a))
        .map(([name, b, a]) => (
          <li key={name}>
            {name ? <span className="audit-field-name">{t(`fields.${name}`, { defaultValue: name })}: </span> : null}
            <code className="audit-value">{show(b).slice(0, 120)}</code>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden"> {t('becomes')} </span>
            <code className="audit-value">{show(a).slice(0, 120)}</code>
          </li>
        ))}
    </ul>
  );
}
