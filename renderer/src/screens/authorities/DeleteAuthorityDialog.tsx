import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorityRecord } from '../../../../shared/domain/records.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogButtons } from '../../components/DialogButtons.js';
import { Field } from '../lifecycle/LifecycleDialogs.js';

/** Deleting an authority asks the user to type its name; the register writes a backup first. */
export function DeleteAuthorityDialog({ authority, busy, onClose, onDelete }: { authority: AuthorityRecord; busy: boolean; onClose(): void; onDelete(confirmName: string): void }) {
  const { t } = useTranslation('authorities');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (typed.trim() !== authority.name.trim()) return setError(t('delete.mismatch', { name: authority.name }));
    setError(null);
    onDelete(typed);
  }

  return (
    <Dialog title={t('delete.title', { name: authority.name })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>{t('delete.warning')}</p>
        <Field label={t('delete.typeName', { name: authority.name })} error={error}>
          {(p) => <input {...p} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />}
        </Field>
        <DialogButtons submit={t('delete.confirm')} busy={busy} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
