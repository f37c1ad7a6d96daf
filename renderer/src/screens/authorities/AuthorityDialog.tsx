import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorityInput } from '../../../../shared/domain/inputs.js';
import type { AuthorityRecord } from '../../../../shared/domain/records.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogButtons } from '../../components/DialogButtons.js';
import { Field } from '../lifecycle/LifecycleDialogs.js';

type Level = AuthorityRecord['level'];

/** Create or edit an authority: name, country, level and notes. */
export function AuthorityDialog({ authority, busy, onClose, onSave }: { authority: AuthorityRecord | null; busy: boolean; onClose(): void; onSave(input: AuthorityInput): void }) {
  const { t } = useTranslation('authorities');
  const [name, setName] = useState(authority?.name ?? '');
  const [country, setCountry] = useState(authority?.country ?? '');
  const [level, setLevel] = useState<Level>(authority?.level ?? 'national');
  const [notes, setNotes] = useState(authority?.notes ?? '');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(t('errors.nameRequired'));
    setError(null);
    onSave({ name: name.trim(), country: country.trim(), level, notes });
  }

  return (
    <Dialog title={authority ? t('dialog.editTitle', { name: authority.name }) : t('dialog.createTitle')} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label={t('fields.name')} error={error}>
          {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="organization" />}
        </Field>
        <Field label={t('fields.country')}>{(p) => <input {...p} type="text" value={country} onChange={(e) => setCountry(e.target.value)} autoComplete="country-name" />}</Field>
        <Field label={t('fields.level')}>
          {(p) => (
            <select {...p} value={level} onChange={(e) => setLevel(e.target.value as Level)}>
              <option value="national">{t('level.national')}</option>
              <option value="subnational">{t('level.subnational')}</option>
            </select>
          )}
        </Field>
        <Field label={t('fields.notes')}>{(p) => <textarea {...p} value={notes} onChange={(e) => setNotes(e.target.value)} />}</Field>
        <DialogButtons submit={authority ? t('common:actions.save') : t('dialog.create')} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
