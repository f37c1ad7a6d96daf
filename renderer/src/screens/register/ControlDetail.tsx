import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlListItem } from '../../../../shared/api/results.js';
import type { ControlInput } from '../../../../shared/domain/inputs.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';
import { valuesOf } from './control-form-model.js';
import { ControlForm } from './ControlForm.js';
import { EvidenceSection } from './EvidenceSection.js';
import { EvidenceStateBadge, ReviewBadge } from './StatusBadges.js';
import { InlineError, useErrorReport } from './useErrorReport.js';

/** One control: its standing at the as-of date, its form, its evidence, and deletion. */
export function ControlDetail({ control, asOf, onChanged, onDeleted }: { control: ControlListItem; asOf: string; onChanged: () => Promise<void>; onDeleted: () => Promise<void> }) {
  const { t } = useTranslation('register');
  const api = useApi();
  const notify = useNotify();
  const failure = useErrorReport();
  const format = useFormat();
  const { library } = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(input: ControlInput) {
    setSaved(null);
    await api.call('controls.update', { id: control.id, control: input });
    notify.success(t('saved', { title: input.title }));
    setSaved(t('saved', { title: input.title }));
    await onChanged();
  }

  async function remove() {
    setDeleting(true);
    failure.clear();
    try {
      await api.call('controls.delete', { id: control.id });
      notify.success(t('deleted', { title: control.title }));
      await onDeleted();
    } catch (error) {
      failure.report(error);
      setDeleting(false);
    }
  }

  const { status } = control;
  return (
    <div className="register-detail">
      <p className="muted">{t('detail.asOf', { date: format.date(asOf) })}</p>
      <dl className="glance">
        <div>
          <dt>{t('columns.maturity')}</dt>
          <dd>{t(`common:maturity.${control.maturity}`)}</dd>
        </div>
        <div>
          <dt>{t('columns.effective')}</dt>
          <dd>{t(`common:maturity.${status.effective}`)}</dd>
        </div>
        <div>
          <dt>{t('columns.evidenceState')}</dt>
          <dd>
            <EvidenceStateBadge state={status.evidenceState} />
          </dd>
        </div>
        <div>
          <dt>{t('columns.review')}</dt>
          <dd>
            <ReviewBadge overdue={status.reviewOverdue} />
          </dd>
        </div>
        <div>
          <dt>{t('detail.newestEvidence')}</dt>
          <dd>{status.newestEvidence ? format.date(status.newestEvidence) : t('detail.noEvidence')}</dd>
        </div>
        <div>
          <dt>{t('columns.evidenceCount')}</dt>
          <dd>{format.count(control.evidenceCount)}</dd>
        </div>
      </dl>
      <h3>{t('detail.edit')}</h3>
      <ControlForm key={`${control.id}:${control.updatedAt}`} initial={valuesOf(control, library)} submitLabel={t('detail.save')} onSubmit={save} />
      <p role="status" className="saved-status">
        {saved}
      </p>
      <EvidenceSection controlId={control.id} asOf={asOf} onChanged={onChanged} />
      <section className="danger-zone" aria-labelledby={`delete-heading-${control.id}`}>
        <h3 id={`delete-heading-${control.id}`}>{t('detail.deleteHeading')}</h3>
        <InlineError message={failure.message} />
        {confirming ? (
          <div role="group" aria-label={t('detail.deleteHeading')}>
            <p>{t('detail.confirmDelete', { title: control.title, count: control.evidenceCount })}</p>
            <div className="row">
              <button type="button" className="danger" onClick={() => void remove()} disabled={deleting} autoFocus>
                {t('detail.confirmDeleteButton')}
              </button>
              <button type="button" onClick={() => setConfirming(false)} disabled={deleting}>
                {t('common:actions.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('detail.delete')}
          </button>
        )}
      </section>
    </div>
  );
}
