import { useTranslation } from 'react-i18next';
import type { PackageUpdatePlan } from '../../../../shared/domain/records.js';
import { useFormat } from '../../i18n/format.js';

/**
 * What updating an authority from a newer package would change, before the
 * consultant says yes: controls, evidence, assessments, and the locks (held
 * ones kept exactly, new ones with their digest).
 */
export function UpdatePreview({ plan, busy, onUpdate, onCancel }: { plan: PackageUpdatePlan; busy: boolean; onUpdate(): void; onCancel(): void }) {
  const { t } = useTranslation('authorities');
  const format = useFormat();
  const a = plan.assessments;
  const names = (items: string[]) => (items.length ? `: ${items.join('; ')}` : '');
  return (
    <div className="update-preview" data-testid="update-preview">
      <h3>{t('update.heading', { name: plan.name })}</h3>
      <p>{t('update.dates', { held: format.dateTime(plan.heldExportedAt), incoming: format.dateTime(plan.incomingExportedAt) })}</p>
      <table>
        <caption className="visually-hidden">{t('update.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('update.what')}</th>
            <th scope="col">{t('update.added')}</th>
            <th scope="col">{t('update.changed')}</th>
            <th scope="col">{t('update.removed')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('update.controls')}</th>
            <td>{plan.controls.added.length}{names(plan.controls.added)}</td>
            <td>{plan.controls.changed.length}{names(plan.controls.changed)}</td>
            <td>{plan.controls.removed.length}{names(plan.controls.removed)}</td>
          </tr>
          <tr>
            <th scope="row">{t('update.evidence')}</th>
            <td>{plan.evidence.added}</td>
            <td>{plan.evidence.changed}</td>
            <td>{plan.evidence.removed}</td>
          </tr>
          <tr>
            <th scope="row">{t('update.assessments')}</th>
            <td>{a.added.length}{names(a.added.map((x) => `${x.title} (${t(`common:status.${x.status}`)})`))}</td>
            <td>{a.changed.length}{names(a.changed.map((x) => `${x.title} (${t(`common:status.${x.from}`)} → ${t(`common:status.${x.to}`)})`))}</td>
            <td>{a.removed.length}{names(a.removed.map((x) => x.title))}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="locks-kept">{t('update.locksKept', { count: a.locksKept.length, titles: a.locksKept.map((x) => x.title).join('; ') || '—' })}</p>
      {a.newLocks.length ? (
        <ul aria-label={t('update.newLocks')}>
          {a.newLocks.map((x) => (
            <li key={x.uid}>
              {t('update.newLock', { title: x.title })} <code className="mono">{x.digest.slice(0, 16)}…</code>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="toolbar">
        <button type="button" className="primary" onClick={onUpdate} disabled={busy}>
          {t('update.apply', { name: plan.name })}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </div>
  );
}
