import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningKeyInfo } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useRequiredText } from '../../components/useRequiredText.js';
import { Field } from '../lifecycle/LifecycleDialogs.js';

/**
 * The register's four-eyes rule, switched here. Turning it on is always
 * allowed; turning it off weakens every later review and lock, so the API
 * wants a reason, and the form asks for it before calling.
 */
export function FourEyesSetting({ on, onChanged }: { on: boolean; onChanged(info: SigningKeyInfo): void }) {
  const { t } = useTranslation('trust');
  const api = useApi();
  const notify = useNotify();
  const ids = { form: useId(), state: useId() };
  const toggle = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  const reason = useRequiredText<HTMLTextAreaElement>(t('fourEyesReasonRequired'));
  const [busy, setBusy] = useState(false);

  /** Set when a change went through: the switch gets the focus back once it is enabled again. */
  const refocus = useRef(false);

  useEffect(() => {
    if (asking) reason.ref.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (busy || !refocus.current) return;
    refocus.current = false;
    toggle.current?.focus();
  }, [busy, on]);

  async function change(required: boolean, justification?: string) {
    setBusy(true);
    try {
      const info = await api.call('trust.fourEyes', { required, ...(justification ? { justification } : {}) });
      onChanged(info);
      notify.success(t(info.fourEyes ? 'fourEyesTurnedOn' : 'fourEyesTurnedOff'));
      setAsking(false);
      reason.reset();
      // The switch the user came from is still there (its label changed): keep their place.
      refocus.current = true;
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  const submit = reason.submitWith((given) => void change(false, given));

  return (
    <div className="four-eyes-setting">
      <h3>{t('fourEyes')}</h3>
      <p id={ids.state} data-testid="four-eyes-state">
        <strong>{on ? t('fourEyesOn') : t('fourEyesOff')}</strong>
      </p>
      <p className="hint">{t('fourEyesHint')}</p>
      {on ? (
        <button ref={toggle} type="button" onClick={() => setAsking(!asking)} aria-expanded={asking} aria-controls={ids.form} disabled={busy}>
          {t('fourEyesTurnOff')}
        </button>
      ) : (
        <button ref={toggle} type="button" className="primary" onClick={() => void change(true)} disabled={busy}>
          {t('fourEyesTurnOn')}
        </button>
      )}
      <form id={ids.form} className="four-eyes-off" onSubmit={submit} noValidate hidden={!on || !asking}>
        <Field label={t('fourEyesReason')} error={reason.error} hint={t('fourEyesReasonHint')}>
          {(p) => <textarea {...p} ref={reason.ref} value={reason.value} rows={3} onChange={(e) => reason.setValue(e.target.value)} required />}
        </Field>
        <div className="toolbar">
          <button type="submit" className="danger" disabled={busy}>
            {t('fourEyesConfirmOff')}
          </button>
          <button
            type="button"
            onClick={() => {
              setAsking(false);
              reason.reset();
              toggle.current?.focus();
            }}
          >
            {t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
