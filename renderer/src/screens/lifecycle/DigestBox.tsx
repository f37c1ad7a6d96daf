import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../app/notify.js';

/** A SHA-256 digest in full, monospace, with a button that copies it. */
export function DigestBox({ digest, prominent = false }: { digest: string; prominent?: boolean }) {
  const { t } = useTranslation('lifecycle');
  const notify = useNotify();
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(digest);
      else {
        // Without the clipboard API (an insecure origin), select the text and use the legacy command.
        const range = document.createRange();
        range.selectNodeContents(ref.current!);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        if (!document.execCommand('copy')) throw new Error(t('copyFailed'));
      }
      setCopied(true);
      window.setTimeout(() => setCopied(false), 3000);
    } catch (e) {
      notify.error(e);
    }
  }

  return (
    <span className={prominent ? 'digest digest-prominent' : 'digest'}>
      <code ref={ref} className="mono" data-testid="digest">
        {digest}
      </code>
      <button type="button" onClick={() => void copy()}>
        {copied ? t('copied') : t('copyDigest')}
      </button>
      <span className="visually-hidden" role="status">
        {copied ? t('copiedLong') : ''}
      </span>
    </span>
  );
}
