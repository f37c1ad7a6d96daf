import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecord, AuditVerification } from '../../../../shared/domain/records.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { CsvButton } from '../../components/CsvButton.js';
import { useFormat } from '../../i18n/format.js';
import { AuditTable } from './AuditTable.js';
import { compactJson } from './AuditValue.js';
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

  async function load(beforeId?: number) {
    setLoading(true);
    try {
      const page = await api.call('audit.list', beforeId ? { limit: PAGE, beforeId } : { limit: PAGE });
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

  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return rows;
    return rows.filter((r) => {
      const text = [r.id, r.at, format.dateTime(r.at), r.actor, r.action, t(`action.${r.action}`, { defaultValue: r.action }), r.entity, t(`entity.${r.entity}`, { defaultValue: r.entity }), r.entityId, r.field, compactJson(r.oldValue), compactJson(r.newValue), r.justification]
        .join(' ')
        .toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [rows, filter, format, t]);

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
            <label htmlFor={filterId}>{t('filter')}</label>
            <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('filterPlaceholder')} />
          </div>
          <button type="button" onClick={() => void load()} disabled={loading}>
            {t('reload')}
          </button>
          <CsvButton
            fileName="audit log"
            headers={[t('col.id'), t('col.when'), t('col.actor'), t('col.action'), t('col.entity'), t('col.entityId'), t('col.field'), t('csv:audit.oldValue'), t('csv:audit.newValue'), t('col.justification')]}
            rows={shown.map((r) => [
              r.id,
              r.at,
              r.actor,
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
          {loading ? t('common:common.loading') : filter.trim() ? t('shownFiltered', { shown: format.count(shown.length), total: format.count(rows.length) }) : t('shownAll', { count: rows.length, total: format.count(rows.length) })}
        </p>
        {shown.length ? <AuditTable rows={shown} badId={bad?.firstBadId ?? null} /> : !loading ? <p>{filter.trim() ? t('noMatch') : t('empty')}</p> : null}
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
