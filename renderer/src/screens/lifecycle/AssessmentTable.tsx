import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../../shared/api/results.js';
import { SEVERITIES, type AssessmentStatus } from '../../../../shared/domain/vocabulary.js';
import { allowedTransitions, canClone } from '../../../../shared/methodology/lifecycle.js';
import { SeverityBadge, StatusBadge } from '../../components/Badges.js';
import { useFormat } from '../../i18n/format.js';
import { DigestBox } from './DigestBox.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';

export type RowAction = 'submitted' | 'reviewed' | 'draft' | 'locked' | 'clone' | 'open';

const ACTION_ORDER: readonly AssessmentStatus[] = ['submitted', 'reviewed', 'locked', 'draft'];

/** The authority's assessments with the lifecycle actions PI-1 §7 allows for each. */
export function AssessmentTable({ assessments, currentId, busy, onAction }: { assessments: AssessmentSummary[]; currentId: number | null; busy: boolean; onAction(a: AssessmentSummary, action: RowAction): void }) {
  const { t } = useTranslation('lifecycle');
  const format = useFormat();
  return (
    <ScrollRegion label={t('listCaption')}>
      <table className="lifecycle-table">
        <caption className="visually-hidden">{t('listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.title')}</th>
            <th scope="col">{t('col.asOf')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col" className="num">
              {t('col.overall')}
            </th>
            <th scope="col">{t('col.flags')}</th>
            <th scope="col">{t('col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => {
            const allowed = allowedTransitions(a.status);
            const action = (key: RowAction, label: string, className?: string) => (
              <button key={key} type="button" className={className} disabled={busy} onClick={() => onAction(a, key)} aria-label={t('rowAction', { action: label, title: a.title })}>
                {label}
              </button>
            );
            return (
              <tr key={a.id} data-testid={`assessment-row-${a.id}`} className={a.id === currentId ? 'current' : undefined}>
                <th scope="row">
                  {a.title}
                  {a.id === currentId ? <span className="badge current-badge">{t('current')}</span> : null}
                  {a.digest ? (
                    <div className="row-digest">
                      <span className="muted">{t('digestLabel')} </span>
                      <DigestBox digest={a.digest} />
                    </div>
                  ) : null}
                </th>
                <td>{format.date(a.asOf)}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td className="num" data-testid="overall">
                  {format.score(a.overall)}
                </td>
                <td>
                  <ul className="flag-counts-inline" aria-label={t('flagsOf', { title: a.title })}>
                    {SEVERITIES.map((s) => (
                      <li key={s}>
                        <SeverityBadge severity={s} /> {format.count(a.flagCounts[s])}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <div className="row-actions">
                    {a.id !== currentId ? action('open', t('actions.open')) : null}
                    {ACTION_ORDER.filter((s) => allowed.includes(s)).map((s) => (
                      action(s, t(`actions.${s}`), s === 'draft' ? 'danger' : 'primary')
                    ))}
                    {canClone(a.status) ? action('clone', t('actions.clone')) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
