import { useTranslation } from 'react-i18next';

/**
 * The foot of a dialog's form: the submit button (blocked while the register
 * works, red where the step cannot be undone) and Cancel, which is never
 * blocked so the user can always leave. Every form dialog ends this way, so
 * the order, classes and disabled rule are kept in one place.
 */
export function DialogButtons({ submit, busy, onCancel, danger = false, cancelLabel }: { submit: string; busy: boolean; onCancel: () => void; danger?: boolean; cancelLabel?: string }) {
  const { t } = useTranslation();
  return (
    <div className="toolbar dialog-actions">
      <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        {cancelLabel ?? t('common:actions.cancel')}
      </button>
    </div>
  );
}
