import { useTranslation } from 'react-i18next';
import type { TrustedKeyInfo } from '../../../../shared/api/results.js';
import { useFormat } from '../../i18n/format.js';

/**
 * The keys this register trusts for other authorities: the first signed
 * package of an authority puts its key here; a later package under another
 * key is refused until the user confirms it with a reason.
 */
export function TrustList({ keys }: { keys: TrustedKeyInfo[] | null }) {
  const { t } = useTranslation('trust');
  const format = useFormat();
  return (
    <div className="trust-list">
      <h3>{t('list.heading')}</h3>
      <p className="hint">{t('list.intro')}</p>
      {keys === null ? (
        <p className="muted">{t('common:common.loading')}</p>
      ) : keys.length ? (
        <div className="table-scroll">
          <table className="trust-keys" data-testid="trust-list">
            <caption className="visually-hidden">{t('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.authority')}</th>
                <th scope="col">{t('fingerprint')}</th>
                <th scope="col">{t('list.since')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={`${k.authorityUid}-${k.publicKey}`}>
                  <th scope="row">{k.authorityName}</th>
                  <td className="mono trust-head">{k.fingerprint}</td>
                  <td>
                    <time dateTime={k.trustedAt}>{format.dateTime(k.trustedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p data-testid="trust-list-empty">{t('list.empty')}</p>
      )}
    </div>
  );
}
