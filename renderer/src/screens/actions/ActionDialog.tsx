import { useTranslation } from 'react-i18next';
import { flagKey, type ActionFields } from '../../../../shared/actions/actions.js';
import type { ActionView } from '../../../../shared/api/results.js';
import type { Flag } from '../../../../shared/methodology/flags/types.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { Dialog } from '../../components/Dialog.js';
import { ActionForm, draftOf } from './ActionForm.js';
import { useActions } from './useActions.js';

/** Makes an action from a flag, or edits one; the flag's subject heads the dialog. */
export function ActionDialog(props: { open: boolean; onClose: () => void; subject: string; action: ActionView | null; flag?: Flag; suggestedTitle?: string }) {
  const { t } = useTranslation('actions');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const { reload } = useActions();
  async function save(fields: ActionFields) {
    try {
      if (props.action) await api.call('actions.update', { id: props.action.id, action: fields });
      else if (props.flag && w.assessmentId) await api.call('actions.create', { assessmentId: w.assessmentId, flagKey: flagKey(props.flag), action: fields });
      await reload();
      notify.success(t('saved'));
      props.onClose();
    } catch (error) {
      notify.error(error);
    }
  }
  return (
    <Dialog title={props.action ? t('editTitle', { subject: props.subject }) : t('newTitle', { subject: props.subject })} open={props.open} onClose={props.onClose}>
      <ActionForm initial={draftOf(props.action, props.suggestedTitle ?? '')} onSave={save} onCancel={props.onClose} />
    </Dialog>
  );
}

/** An action's status as the next scoring judges it, always in words. */
export function OutcomeBadge({ action }: { action: ActionView }) {
  const { t } = useTranslation('actions');
  return <span className={`badge outcome-${action.outcome}`}>{t(`outcome.${action.outcome}`)}</span>;
}
