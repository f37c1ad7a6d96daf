import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageTrust } from '../../../../shared/domain/records.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogButtons } from '../../components/DialogButtons.js';
import { useRequiredText } from '../../components/useRequiredText.js';
import { Field } from '../lifecycle/LifecycleDialogs.js';
import { useFormat } from '../../i18n/format.js';
import '../../styles/trust.css';

/**
 * A package from an authority this register already trusts under one key,
 * whose new locks are signed with another key or not signed at all. It may be
 * a new computer at the authority, or a package made by someone else: the
 * dialog sets the old and the new keys side by side, asks the user to check
 * the fingerprints with the authority, and takes the reason that is logged.
 */
export function KeyChangeDialog({ trust, file, busy, onClose, onAccept }: { trust: PackageTrust; file: string; busy: boolean; onClose(): void; onAccept(reason: string): void }) {
  const { t } = useTranslation('trust');
  const format = useFormat();
  const reason = useRequiredText<HTMLTextAreaElement>(t('change.reasonRequired'));
  const ids = { explain: useId() };
  const fresh = trust.incoming.filter((k) => !k.trusted);

  const submit = reason.submitWith(onAccept);

  return (
    <Dialog title={t('change.title', { name: trust.authorityName })} open onClose={onClose} initialFocus={reason.ref} describedBy={ids.explain} testId="key-change-dialog">
      <form onSubmit={submit} noValidate>
        <p id={ids.explain} className="notice-inline">
          {fresh.length ? t('change.explainKey', { name: trust.authorityName, file }) : t('change.explainUnsigned', { name: trust.authorityName, file, count: trust.unsigned })}
        </p>
        <div className="key-change-columns">
          <section aria-labelledby={`${ids.explain}-old`}>
            <h3 id={`${ids.explain}-old`}>{t('change.before')}</h3>
            <ul className="key-change-list" data-testid="key-change-before">
              {trust.trusted.map((k) => (
                <li key={k.fingerprint}>
                  <span className="mono trust-head">{k.fingerprint}</span>
                  <span className="muted"> {t('change.trustedSince', { date: format.dateTime(k.trustedAt) })}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby={`${ids.explain}-new`}>
            <h3 id={`${ids.explain}-new`}>{t('change.after')}</h3>
            <ul className="key-change-list" data-testid="key-change-after">
              {trust.incoming.map((k) => (
                <li key={k.fingerprint}>
                  <span className="mono trust-head">{k.fingerprint}</span>{' '}
                  <strong className={k.trusted ? 'key-ok' : 'key-bad'}>{k.trusted ? t('change.known') : t('change.unknown')}</strong>
                  {k.signers.length ? <span className="muted"> {t('change.signedBy', { names: k.signers.join(', ') })}</span> : null}
                </li>
              ))}
              {trust.unsigned ? (
                <li>
                  <strong className="key-bad">{t('change.unsigned', { count: trust.unsigned })}</strong>
                </li>
              ) : null}
            </ul>
          </section>
        </div>
        <p>{t('change.advice')}</p>
        <Field label={t('change.reason')} error={reason.error} hint={t('change.reasonHint')}>
          {(p) => <textarea {...p} ref={reason.ref} rows={3} value={reason.value} onChange={(e) => reason.setValue(e.target.value)} required />}
        </Field>
        <DialogButtons submit={t('change.accept')} busy={busy} onCancel={onClose} danger cancelLabel={t('change.refuse')} />
      </form>
    </Dialog>
  );
}
