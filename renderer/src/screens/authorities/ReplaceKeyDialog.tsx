import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.js';

/**
 * The fingerprint of the key in an exported key file, worked out here so the
 * user can compare both keys before replacing. The signing code is loaded only
 * now: most sessions never need it in the page.
 */
async function fingerprintOfKeyFile(text: string): Promise<string | null> {
  try {
    const record = JSON.parse(text) as { secretKey?: unknown };
    if (typeof record.secretKey !== 'string' || !/^[0-9a-f]{64}$/.test(record.secretKey)) return null;
    const { fingerprint, publicKeyOf } = await import('../../../../shared/signing/ed25519.js');
    const bytes = new Uint8Array(record.secretKey.match(/../g)!.map((pair) => parseInt(pair, 16)));
    return fingerprint(publicKeyOf(bytes));
  } catch {
    return null;
  }
}

/**
 * Another key already signed locks in this register. Replacing it changes who
 * the register's future locks say signed them (past locks keep their
 * signature), and partners who trust the old key will be asked to confirm.
 */
export function ReplaceKeyDialog({ current, keyFile, file, busy, onClose, onReplace }: { current: string | null; keyFile: string; file: string; busy: boolean; onClose(): void; onReplace(): void }) {
  const { t } = useTranslation('trust');
  /** undefined while it is worked out; null when the file's key cannot be read here (the register still checks it). */
  const [incoming, setIncoming] = useState<string | null | undefined>(undefined);
  const cancel = useRef<HTMLButtonElement>(null);
  const explainId = useId();
  useEffect(() => {
    let live = true;
    void fingerprintOfKeyFile(keyFile).then((fp) => live && setIncoming(fp));
    return () => {
      live = false;
    };
  }, [keyFile]);
  return (
    <Dialog title={t('replace.title')} open onClose={onClose} initialFocus={cancel} describedBy={explainId} testId="replace-key-dialog">
      <div id={explainId}>
        <p>{t('replace.intro', { file })}</p>
        <dl className="app-info">
          <dt>{t('replace.current')}</dt>
          <dd className="mono trust-head">{current ?? t('noKey')}</dd>
          <dt>{t('replace.incoming')}</dt>
          <dd className="mono trust-head" data-testid="replace-incoming">
            {incoming === undefined ? t('common:common.loading') : (incoming ?? t('replace.unknown'))}
          </dd>
        </dl>
        <p className="notice-inline">{t('replace.consequence')}</p>
      </div>
      <div className="toolbar dialog-actions">
        <button type="button" className="danger" onClick={onReplace} disabled={busy}>
          {t('replace.confirm')}
        </button>
        {/* The safe answer has the focus: Enter or Space on opening does not replace a key. */}
        <button ref={cancel} type="button" onClick={onClose}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
