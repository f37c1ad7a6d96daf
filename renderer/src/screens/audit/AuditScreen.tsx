import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecord, AuditVerification } from '../../../../shared/domain/records.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { CsvButton } from '../../components/CsvButton.js';
import { useFormat } from '../../i18n/format.js';
import { AuditTable } from './AuditTable.js';
import { compactJson } from './AuditValue.js';
import { useAuditSentence } from './useAuditSentence.js';
import '../../styles/audit.css';

const PAGE = 200;

/** The register's hash-chained audit log, newest first, and a check that no row was altered. */
export function AuditScreen() {
  const { t } = useTranslation('audit');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const filterId = useId();
  const [rows, setRows] = useState<AuditRecord[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [filter, setFilter] = useState('');
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [who, setWho] = useState('');
  const [what, setWhat] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const ids = { who: useId(), what: useId(), from: useId(), to: useId() };
  const sentence = useAuditSentence(labels);

  async function load(beforeId?: number) {
    setLoading(true);
    try {
      const [page, names] = await Promise.all([api.call('audit.list', beforeId ? { limit: PAGE, beforeId } : { limit: PAGE }), api.call('audit.labels', {})]);
      setLabels(names);
      setRows((old) => (beforeId ? [...old, ...page] : page));
      setMore(page.length === PAGE);
    } catch (e) {
      notify.error(e);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function verify() {
    setVerifying(true);
    setVerification(null);
    try {
      setVerification(await api.call('audit.verify', {}));
    } catch (e) {
      notify.error(e);
    } finally {
      setVerifying(false);
    }
  }

  const actors = useMemo(() => [...new Set(rows.map((r) => r.actor))].sort(), [rows]);
  const entities = useMemo(() => [...new Set(rows.map((r) => r.entity))].sort(), [rows]);
  const filtering = filter.trim() !== '' || who !== '' || what !== '' || from !== '' || to !== '';
  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return rows.filter((r) => {
      // Who, what and when first; the dates compare as the calendar days of the entries.
      if ((who && r.actor !== who) || (what && r.entity !== what) || (from && r.at.slice(0, 10) < from) || (to && r.at.slice(0, 10) > to)) return false;
      if (!words.length) return true;
      const text = [r.id, r.at, format.dateTime(r.at), r.actor, r.action, t(`action.${r.action}`, { defaultValue: r.action }), r.entity, t(`entity.${r.entity}`, { defaultValue: r.entity }), r.entityId, labels[r.entityId], sentence(r), r.field, compactJson(r.oldValue), compactJson(r.newValue), r.justification]
        .join(' ')
        .toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [rows, filter, who, what, from, to, labels, format, t]);

  const bad = verification && !verification.ok ? verification : null;
  const reasonText = (problem: 'broken-link' | 'content-mismatch') => (problem === 'broken-link' ? t('verify.reasonLink') : t('verify.reasonHash'));

  return (
    <div className="screen-audit">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="panel" aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t('verify.heading')}</h2>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void verify()} disabled={verifying}>
            {t('verify.button')}
          </button>
        </div>
        <div role="status" data-testid="verify-status">
          {verifying ? t('verify.running') : verification?.ok ? <p className="verify-ok">✓ {t('verify.intact', { count: verification.rows, rows: format.count(verification.rows) })}</p> : null}
        </div>
        {bad ? (
          <div role="alert" className="verify-bad" data-testid="verify-alert">
            <p>
              <strong>{t('verify.broken', { id: bad.firstBadId })}</strong>
            </p>
            <p>{t('verify.reason', { reason: reasonText(bad.problem) })}</p>
            <p className="muted">{t('verify.checked', { count: bad.rows, rows: format.count(bad.rows) })}</p>
          </div>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="log-heading">
        <h2 id="log-heading">{t('log')}</h2>
        <div className="toolbar">
          <div className="field">
            <label htmlFor={ids.who}>{t('filters.who')}</label>
            <select id={ids.who} value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="">{t('filters.anyone')}</option>
              {actors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.what}>{t('filters.what')}</label>
            <select id={ids.what} value={what} onChange={(e) => setWhat(e.target.value)}>
              <option value="">{t('filters.anything')}</option>
              {entities.map((e) => (
                <option key={e} value={e}>
                  {t(`entity.${e}`, { defaultValue: e })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.from}>{t('filters.from')}</label>
            <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('filters.to')}</label>
            <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={filterId}>{t('filter')}</label>
            <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('filterPlaceholder')} />
          </div>
          <button type="button" onClick={() => void load()} disabled={loading}>
            {t('reload')}
          </button>
          <CsvButton
            fileName="audit log"
            headers={[t('col.id'), t('col.when'), t('col.actor'), t('col.sentence'), t('col.action'), t('col.entity'), t('col.entityId'), t('col.field'), t('csv:audit.oldValue'), t('csv:audit.newValue'), t('col.justification')]}
            rows={shown.map((r) => [
              r.id,
              r.at,
              r.actor,
              sentence(r),
              t(`action.${r.action}`, { defaultValue: r.action }),
              t(`entity.${r.entity}`, { defaultValue: r.entity }),
              r.entityId,
              r.field,
              compactJson(r.oldValue),
              compactJson(r.newValue),
              r.justification,
            ])}
          />
        </div>
        <p className="muted" aria-live="polite">
          {loading ? t('common:common.loading') : filtering ? t('shownFiltered', { shown: format.count(shown.length), total: format.count(rows.length) }) : t('shownAll', { count: rows.length, total: format.count(rows.length) })}
        </p>
        {shown.length ? <AuditTable rows={shown} badId={bad?.firstBadId ?? null} sentence={sentence} /> : !loading ? <p>{filtering ? t('noMatch') : t('empty')}</p> : null}
        <div className="toolbar">
          {more ? (
            <button type="button" onClick={() => void load(rows.at(-1)?.id)} disabled={loading}>
              {t('loadOlder')}
            </button>
          ) : rows.length ? (
            <span className="muted">{t('allLoaded')}</span>
          ) : null}
        </div>
      </section>
    </div>
  );
}
