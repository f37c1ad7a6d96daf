import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../../shared/domain/records.js';
import { useFormat } from '../../i18n/format.js';
import { AuditValue } from './AuditValue.js';

/** The audit rows as stored, newest first; a row named by a failed verification is marked in words. */
export function AuditTable({ rows, badId }: { rows: AuditRecord[]; badId: number | null }) {
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
            <th scope="col">{t('col.action')}</th>
            <th scope="col">{t('col.entity')}</th>
            <th scope="col">{t('col.entityId')}</th>
            <th scope="col">{t('col.field')}</th>
            <th scope="col">{t('col.change')}</th>
            <th scope="col">{t('col.justification')}</th>
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
              <td>{t(`action.${r.action}`, { defaultValue: r.action })}</td>
              <td>{t(`entity.${r.entity}`, { defaultValue: r.entity })}</td>
              <td className="mono audit-entity-id">{r.entityId}</td>
              <td>{r.field ?? <span className="muted">{t('noValue')}</span>}</td>
              <td className="audit-change">
                <AuditValue raw={r.oldValue} />
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('becomes')} </span>
                <AuditValue raw={r.newValue} />
              </td>
              <td>{r.justification ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
