import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../../shared/api/results.js';
import type { AssessmentComparison } from '../../../../shared/methodology/compare.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useFormat } from '../../i18n/format.js';
import { CompareResult } from './CompareResult.js';

/** Pick two assessments of the authority; the register compares their PI-1 results. */
export function ComparePanel({ assessments }: { assessments: AssessmentSummary[] }) {
  const { t } = useTranslation('lifecycle');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const ids = { from: useId(), to: useId(), error: useId() };
  const [fromId, setFromId] = useState<number | null>(assessments[0]?.id ?? null);
  const [toId, setToId] = useState<number | null>(assessments.at(-1)?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ from: string; to: string; comparison: AssessmentComparison } | null>(null);
  const [busy, setBusy] = useState(false);

  // Keep the choice valid when the list changes (a new clone, another authority).
  const listKey = assessments.map((a) => a.id).join(',');
  useEffect(() => {
    if (!assessments.some((a) => a.id === fromId)) setFromId(assessments[0]?.id ?? null);
    if (!assessments.some((a) => a.id === toId)) setToId(assessments.at(-1)?.id ?? null);
    setResult(null);
  }, [listKey]);

  if (assessments.length < 2) return <p className="muted">{t('compare.needTwo')}</p>;
  const label = (a: AssessmentSummary) => `${a.title} · ${format.date(a.asOf)} · ${t(`common:status.${a.status}`)}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fromId === null || toId === null || fromId === toId) return setError(t('compare.sameError'));
    setError(null);
    setBusy(true);
    try {
      const comparison = await api.call('assessments.compare', { fromId, toId });
      const name = (id: number) => assessments.find((a) => a.id === id)?.title ?? String(id);
      setResult({ from: name(fromId), to: name(toId), comparison });
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="toolbar" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.from}>{t('compare.from')}</label>
          <select id={ids.from} value={fromId ?? ''} onChange={(e) => setFromId(Number(e.target.value))}>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('compare.to')}</label>
          <select id={ids.to} value={toId ?? ''} onChange={(e) => setToId(Number(e.target.value))} aria-invalid={error ? true : undefined} aria-describedby={error ? ids.error : undefined}>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('compare.submit')}
        </button>
      </form>
      {error ? (
        <p className="error-text" id={ids.error} role="alert">
          {error}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {result ? t('compare.ready', { from: result.from, to: result.to }) : ''}
      </p>
      {result ? <CompareResult from={result.from} to={result.to} comparison={result.comparison} /> : null}
    </>
  );
}
