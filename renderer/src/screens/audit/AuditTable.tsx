import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../../shared/domain/records.js';
import { useFormat } from '../../i18n/format.js';
import { AuditChange } from './AuditChange.js';

/** The audit rows, newest first, each as a sentence with its field-by-field change and the raw row on demand. */
export function AuditTable({ rows, badId, sentence }: { rows: AuditRecord[]; badId: number | null; sentence(row: AuditRecord): string }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  return (
    <div className="audit-scroll">
      <table className="audit-table" data-testid="audit-table">
        <caption className="visually-hidden">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('col.id')}
            </th>
            <th scope="col">{t('col.when')}</th>
            <th scope="col">{t('col.actor')}</th>
            <th scope="col">{t('col.sentence')}</th>
            <th scope="col">{t('col.action')}</th>
            <th scope="col">{t('col.entity')}</th>
            <th scope="col">{t('col.field')}</th>
            <th scope="col">{t('col.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.id === badId ? 'audit-bad' : undefined}>
              <td className="num">
                {r.id}
                {r.id === badId ? <span className="badge sev-critical">{t('tampered')}</span> : null}
              </td>
              <td className="nowrap">
                <time dateTime={r.at}>{format.dateTime(r.at)}</time>
              </td>
              <td>{r.actor}</td>
              <td className="audit-sentence">
                {sentence(r)}
                <details className="audit-raw">
                  <summary>{t('raw')}</summary>
                  <pre className="mono" tabIndex={0}>{JSON.stringify({ ...r, oldValue: r.oldValue === null ? null : safeParse(r.oldValue), newValue: r.newValue === null ? null : safeParse(r.newValue) }, null, 2)}</pre>
                </details>
              </td>
              <td>{t(`action.${r.action}`, { defaultValue: r.action })}</td>
              <td>{t(`entity.${r.entity}`, { defaultValue: r.entity })}</td>
              <td>{r.field ?? <span className="muted">{t('noValue')}</span>}</td>
              <td className="audit-change">
                <AuditChange oldValue={r.oldValue} newValue={r.newValue} field={r.field} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function safeParse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
