import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flagKey } from '../../../../shared/actions/actions.js';
import type { Flag } from '../../../../shared/methodology/flags/types.js';
import { useFormat } from '../../i18n/format.js';
import { ActionDialog, OutcomeBadge } from './ActionDialog.js';
import { useActions } from './useActions.js';

/**
 * The compact action element of one flag, for the Gaps screen: "Make an
 * action" when none is recorded, else the action's status, owner and due date
 * with a button to edit it. Self-contained: it reads the shared action plan.
 */
export function FlagActionButton({ flag, subject, suggestedTitle }: { flag: Flag; subject: string; suggestedTitle: string }) {
  const { t } = useTranslation('actions');
  const { actions } = useActions();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const key = flagKey(flag);
  const action = actions?.find((a) => a.flagKey === key) ?? null;
  if (actions === null) return null;
  return (
    <div className="flag-action" data-testid="flag-action">
      {action ? (
        <>
          <OutcomeBadge action={action} />
          <span className="muted">
            {t('ownerDue', { owner: action.owner || t('noOwner'), due: action.due ? format.date(action.due) : t('noDue') })}
          </span>
          <button type="button" onClick={() => setOpen(true)} aria-label={t('editFor', { subject })}>
            {t('edit')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setOpen(true)} aria-label={t('makeFor', { subject })}>
          {t('make')}
        </button>
      )}
      <ActionDialog open={open} onClose={() => setOpen(false)} subject={subject} action={action} flag={flag} suggestedTitle={suggestedTitle} />
    </div>
  );
}
