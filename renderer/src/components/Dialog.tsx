import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal built on <dialog>: focus is trapped and Escape closes it, as screen-reader users expect.
 * `initialFocus` names the field to start in (showModal would otherwise focus the close button);
 * `describedBy` ties the dialog to the text that explains it, read out when it opens.
 */
export function Dialog({
  title,
  open,
  onClose,
  children,
  initialFocus,
  describedBy,
  testId,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  initialFocus?: RefObject<HTMLElement | null>;
  describedBy?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      initialFocus?.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={describedBy} onClose={onClose} onCancel={onClose} data-testid={testId}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-label={t('actions.close')}>
          ×
        </button>
      </div>
      {open ? children : null}
    </dialog>
  );
}
