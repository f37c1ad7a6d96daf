import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../../shared/api/client.js';
import type { SigningKeyInfo } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { saveBlob } from '../../components/download.js';
import { ReplaceKeyDialog } from './ReplaceKeyDialog.js';

/** A key file's name that says which key it holds, so two exported keys are never confused. */
export function keyFileName(fingerprint: string | null): string {
  return `permit-integrity-signing-key${fingerprint ? `-${fingerprint.replace(/\s+/g, '').slice(0, 8)}` : ''}.key`;
}

/**
 * The register's Ed25519 key: its fingerprint, where its secret is kept and
 * whether this computer can sign with it; export (the file holds the secret)
 * and import (replacing a key that already signed needs a confirmation).
 */
export function SigningKeySection({ info, onChanged }: { info: SigningKeyInfo | null; onChanged(info: SigningKeyInfo): void }) {
  const { t } = useTranslation('trust');
  const api = useApi();
  const notify = useNotify();
  const ids = { warning: useId(), file: useId(), fileHint: useId() };
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** A key file whose key differs from the one that already signed here: waiting for the user's yes. */
  const [replacing, setReplacing] = useState<{ text: string; file: string } | null>(null);

  async function exportKey() {
    setBusy(true);
    setExported(null);
    try {
      const { keyFile } = await api.call('trust.exportKey', {});
      // Exporting creates the key when the register had none yet: read its fingerprint afterwards.
      const after = await api.call('trust.key', {});
      onChanged(after);
      const name = keyFileName(after.fingerprint);
      saveBlob(name, new Blob([keyFile], { type: 'application/octet-stream' }));
      setExported(name);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  async function importKey(text: string, file: string, confirm: boolean) {
    setBusy(true);
    setProblem(null);
    try {
      const after = await api.call('trust.importKey', { keyFile: text, ...(confirm ? { confirm: true } : {}) });
      setReplacing(null);
      onChanged(after);
      notify.success(t('key.imported', { fingerprint: after.fingerprint ?? '' }));
    } catch (e) {
      // "conflict": another key already signed locks in this register. Ask before replacing it.
      if (e instanceof ApiCallError && e.code === 'conflict' && !confirm) setReplacing({ text, file });
      else {
        setReplacing(null);
        setProblem(e instanceof ApiCallError ? e.message : String(e));
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function chosen(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    await importKey(await file.text(), file.name, false);
  }

  return (
    <div className="signing-key">
      <h3>{t('key.heading')}</h3>
      <dl className="app-info" data-testid="trust-info">
        <dt>{t('fingerprint')}</dt>
        <dd className={info?.fingerprint ? 'mono trust-head' : undefined} data-testid="key-fingerprint">
          {info ? (info.fingerprint ?? t('noKey')) : t('common:common.loading')}
        </dd>
        <dt>{t('key.where')}</dt>
        <dd className={info?.where ? 'mono trust-head' : undefined} data-testid="key-where">
          {info ? (info.where ?? t('key.nowhere')) : t('common:common.loading')}
        </dd>
        <dt>{t('key.canSign')}</dt>
        <dd data-testid="key-can-sign">{info ? <CanSign info={info} /> : t('common:common.loading')}</dd>
      </dl>

      <h4>{t('key.exportHeading')}</h4>
      <p className="notice-inline key-warning" id={ids.warning}>
        <strong>{t('key.secretTitle')}</strong> {t('key.secretText')}
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void exportKey()} disabled={busy} aria-describedby={ids.warning}>
          {t('key.export')}
        </button>
      </div>
      <div role="status">
        {exported ? (
          <p data-testid="key-exported">
            {t('key.exported', { file: exported })}
          </p>
        ) : null}
      </div>

      <h4>{t('key.importHeading')}</h4>
      <div className="field">
        <label htmlFor={ids.file}>{t('key.import')}</label>
        <input ref={input} id={ids.file} type="file" accept=".key,application/json,text/plain" onChange={(e) => void chosen(e)} disabled={busy} aria-describedby={ids.fileHint} />
        <span className="hint" id={ids.fileHint}>
          {t('key.importHint')}
        </span>
      </div>
      {problem ? (
        <p role="alert" className="import-bad" data-testid="key-import-error">
          {t('key.importRefused', { message: problem })}
        </p>
      ) : null}
      {replacing ? (
        <ReplaceKeyDialog current={info?.fingerprint ?? null} keyFile={replacing.text} file={replacing.file} busy={busy} onClose={() => setReplacing(null)} onReplace={() => void importKey(replacing.text, replacing.file, true)} />
      ) : null}
    </div>
  );
}

function CanSign({ info }: { info: SigningKeyInfo }) {
  const { t } = useTranslation('trust');
  if (info.canSign) return <span className="key-ok">{t('key.yes')}</span>;
  // No key yet is not a problem: the first lock (or an export) creates it here.
  if (!info.fingerprint && !info.problem) return <span>{t('key.notYet')}</span>;
  return (
    <span className="key-bad">
      {t('key.no')} {info.problem ? t('cannotSign', { problem: info.problem }) : null}
    </span>
  );
}
