import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditHeadInfo, SigningKeyInfo, TrustedKeyInfo } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { FourEyesSetting } from './FourEyesSetting.js';
import { SigningKeySection } from './SigningKeySection.js';
import { TrustList } from './TrustList.js';
import '../../styles/trust.css';

/**
 * What makes this register's output checkable by someone else: the signing
 * key (its fingerprint, to compare by phone; export and import), the four-eyes
 * rule, the keys trusted for other authorities, and the audit head with its
 * history, which the user copies somewhere safe: only a head kept outside the
 * register shows that rows were cut from the end of the log.
 */
export function TrustPanel() {
  const { t } = useTranslation('trust');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const [key, setKey] = useState<SigningKeyInfo | null>(null);
  const [head, setHead] = useState<AuditHeadInfo | null>(null);
  const [trusted, setTrusted] = useState<TrustedKeyInfo[] | null>(null);

  // Imports, locks and key changes all move the head and may add trusted keys;
  // each of them refreshes the workspace, so reload whenever its lists change.
  useEffect(() => {
    api.call('trust.key', {}).then(setKey, notify.error);
    api.call('trust.head', {}).then(setHead, notify.error);
    api.call('trust.list', {}).then(setTrusted, notify.error);
  }, [api, w.authorities, w.assessments]);

  /** A change made in this panel: the key info it returned, and the head it moved. */
  function changed(info: SigningKeyInfo) {
    setKey(info);
    api.call('trust.head', {}).then(setHead, notify.error);
  }

  return (
    <section className="panel trust-panel" aria-labelledby="trust-heading" data-testid="trust-panel">
      <h2 id="trust-heading">{t('heading')}</h2>
      <SigningKeySection info={key} onChanged={changed} />
      {key ? <FourEyesSetting on={key.fourEyes} onChanged={changed} /> : null}
      <TrustList keys={trusted} />
      <h3>{t('head')}</h3>
      <p className="mono trust-head" data-testid="audit-head">
        {head?.head ?? t('common:common.loading')}
      </p>
      <p className="hint">{t('headHint')}</p>
      {head && head.history.length ? (
        <div className="table-scroll">
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
        </div>
      ) : null}
    </section>
  );
}
