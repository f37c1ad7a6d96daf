import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorityInput } from '../../../../shared/domain/inputs.js';
import type { AuthorityRecord } from '../../../../shared/domain/records.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';
import { AuthorityDialog } from './AuthorityDialog.js';
import { DeleteAuthorityDialog } from './DeleteAuthorityDialog.js';
import { PackagePanel } from './PackagePanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { TrustPanel } from './TrustPanel.js';
import '../../styles/authorities.css';

type Editing = { authority: AuthorityRecord | null } | null;

/** The register's authorities (switch, create, edit), the user's settings, and package exchange. */
export function AuthoritiesScreen() {
  const { t } = useTranslation('authorities');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const w = useWorkspace();
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<AuthorityRecord | null>(null);

  async function save(input: AuthorityInput) {
    setBusy(true);
    try {
      const current = editing?.authority;
      if (current) {
        const record = await api.call('authorities.update', { id: current.id, authority: input });
        await w.refresh();
        notify.success(t('saved', { name: record.name }));
      } else {
        const record = await api.call('authorities.create', input);
        await w.refresh();
        w.selectAuthority(record.id);
        notify.success(t('created', { name: record.name }));
      }
      setEditing(null);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(confirmName: string) {
    if (!deleting) return;
    setBusy(true);
    try {
      const result = await api.call('authorities.delete', { id: deleting.id, confirmName });
      setDeleting(null);
      await w.refresh();
      notify.success(t('delete.done', { name: result.name, backup: result.backup }));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="screen-authorities">
      <h1>{t('title')}</h1>
      <section className="panel" aria-labelledby="authorities-heading">
        <h2 id="authorities-heading">{t('heading')}</h2>
        <p className="muted">{t('intro')}</p>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setEditing({ authority: null })}>
            {t('create')}
          </button>
        </div>
        {w.authorities.length ? (
          <div className="table-scroll">
            <table data-testid="authorities-table">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.country')}</th>
                  <th scope="col">{t('fields.level')}</th>
                  <th scope="col">{t('col.created')}</th>
                  <th scope="col">{t('col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {w.authorities.map((a) => {
                  const current = a.id === w.authority?.id;
                  return (
                    <tr key={a.id} className={current ? 'current' : undefined}>
                      <th scope="row">
                        {a.name}
                        {current ? <span className="badge current-badge">{t('current')}</span> : null}
                        {a.notes ? <div className="muted authority-notes">{a.notes}</div> : null}
                      </th>
                      <td>{a.country || '—'}</td>
                      <td>{t(`level.${a.level}`)}</td>
                      <td>{format.date(a.createdAt)}</td>
                      <td>
                        <div className="row-actions">
                          {!current ? (
                            <button type="button" className="primary" onClick={() => w.selectAuthority(a.id)} aria-label={t('switchToNamed', { name: a.name })}>
                              {t('switchTo')}
                            </button>
                          ) : null}
                          <button type="button" onClick={() => setEditing({ authority: a })} aria-label={t('editNamed', { name: a.name })}>
                            {t('edit')}
                          </button>
                          <button type="button" className="danger" onClick={() => setDeleting(a)} aria-label={t('delete.named', { name: a.name })}>
                            {t('common:actions.delete')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('emptyHint')}</p>
        )}
      </section>
      <SettingsPanel />
      <TrustPanel />
      <PackagePanel />
      {deleting ? <DeleteAuthorityDialog authority={deleting} busy={busy} onClose={() => setDeleting(null)} onDelete={(name) => void remove(name)} /> : null}
      {editing ? <AuthorityDialog authority={editing.authority} busy={busy} onClose={() => setEditing(null)} onSave={(input) => void save(input)} /> : null}
    </div>
  );
}
