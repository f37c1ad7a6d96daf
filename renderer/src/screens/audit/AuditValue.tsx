import { useTranslation } from 'react-i18next';

const SHORT = 60;

/** An audit value is stored as JSON text; show it compactly, and in full on demand when long. */
export function compactJson(raw: string | null): string {
  if (raw === null) return '';
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return raw;
  }
}

function pretty(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

export function AuditValue({ raw }: { raw: string | null }) {
  const { t } = useTranslation('audit');
  if (raw === null) return <span className="muted">{t('noValue')}</span>;
  const text = compactJson(raw);
  if (text.length <= SHORT) return <code className="audit-value">{text}</code>;
  return (
    <details className="audit-long">
      <summary>
        <code className="audit-value">{text.slice(0, SHORT)}…</code>
        <span className="visually-hidden"> {t('showFull')}</span>
      </summary>
      <pre className="mono">{pretty(raw)}</pre>
    </details>
  );
}
