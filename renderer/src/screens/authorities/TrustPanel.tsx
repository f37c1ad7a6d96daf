import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditHeadInfo, SigningKeyInfo } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';

/**
 * What makes this register's output checkable by someone else: the signing
 * key's fingerprint (to compare by phone), the four-eyes rule, and the audit
 * head with its history, which the user copies somewhere safe: only a head
 * kept outside the register shows that rows were cut from the end of the log.
 */
export function TrustPanel() {
  const { t } = useTranslation('trust');
  const api = useApi();
  const notify = useNotify();
  const [key, setKey] = useState<SigningKeyInfo | null>(null);
  const [head, setHead] = useState<AuditHeadInfo | null>(null);

  useEffect(() => {
    api.call('trust.key', {}).then(setKey, notify.error);
    api.call('trust.head', {}).then(setHead, notify.error);
  }, [api]);

  return (
    <section className="panel trust-panel" aria-labelledby="trust-heading">
      <h2 id="trust-heading">{t('heading')}</h2>
      <dl className="app-info" data-testid="trust-info">
        <dt>{t('fingerprint')}</dt>
        <dd className="mono" data-testid="key-fingerprint">
          {key?.fingerprint ?? t('noKey')}
        </dd>
        {key?.problem && key.fingerprint ? <dd className="muted">{t('cannotSign', { problem: key.problem })}</dd> : null}
        <dt>{t('fourEyes')}</dt>
        <dd>{key ? (key.fourEyes ? t('fourEyesOn') : t('fourEyesOff')) : t('common:common.loading')}</dd>
        <dt>{t('head')}</dt>
        <dd className="mono trust-head" data-testid="audit-head">
          {head?.head ?? t('common:common.loading')}
        </dd>
      </dl>
      <p className="hint">{t('headHint')}</p>
      {head && head.history.length ? (
        <table className="trust-history">
          <caption>{t('historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('event')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('head')}</th>
            </tr>
          </thead>
          <tbody>
            {head.history.map((h) => (
              <tr key={`${h.at}-${h.head}-${h.event}`}>
                <td>{h.at.slice(0, 16).replace('T', ' ')}</td>
                <td>{t(`events.${h.event}`, { defaultValue: h.event })}</td>
                <td>{h.actor}</td>
                <td className="mono trust-head">{h.head}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
