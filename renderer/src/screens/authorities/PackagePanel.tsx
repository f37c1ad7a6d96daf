import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../components/download.js';
import { ApiCallError } from '../../../../shared/api/client.js';
import type { ImportSummary, PackageTrust, PackageUpdatePlan } from '../../../../shared/domain/records.js';
import { KeyChangeDialog } from './KeyChangeDialog.js';
import { UpdatePreview } from './UpdatePreview.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';

/** A file name from an authority's name: letters, digits, dashes. */
function fileName(name: string): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'authority'}.json`;
}

/** Package exchange (one authority with its controls, evidence and assessments) and register backup. */
export function PackagePanel() {
  const { t } = useTranslation('authorities');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const w = useWorkspace();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [problem, setProblem] = useState<{ file: string; unreadable: boolean; lines: string[] } | null>(null);
  const [backup, setBackup] = useState<string | null>(null);
  /** A newer package of an authority already held: its diff, waiting for the user's yes. */
  const [pending, setPending] = useState<{ data: unknown; plan: PackageUpdatePlan; trust: PackageTrust; file: string } | null>(null);
  const [updated, setUpdated] = useState<PackageUpdatePlan | null>(null);
  /** A package whose new locks are under a key the trust list does not know for its authority: waiting for a reason. */
  const [keyCheck, setKeyCheck] = useState<{ kind: 'new' | 'update'; data: unknown; trust: PackageTrust; file: string } | null>(null);

  async function exportPackage() {
    if (!w.authority) return;
    setBusy(true);
    try {
      const pkg = await api.call('packages.export', { authorityId: w.authority.id });
      const name = fileName(w.authority.name);
      saveBlob(name, new Blob([JSON.stringify(pkg, null, 2)], { type: 'application/json' }));
      notify.success(t('packages.exported', { file: name }));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  async function importPackage(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setSummary(null);
    setProblem(null);
    setPending(null);
    setUpdated(null);
    setKeyCheck(null);
    setBusy(true);
    try {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch (err) {
        setProblem({ file: file.name, unreadable: true, lines: [t('packages.notJson', { message: err instanceof Error ? err.message : String(err) })] });
        return;
      }
      // A package of an authority already held is an update: show its diff first.
      const preview = await api.call('packages.preview', { package: data });
      if (preview.kind === 'update') {
        const { trust, kind: _kind, ...plan } = preview;
        setPending({ data, plan, trust, file: file.name });
        return;
      }
      // A trusted authority under another key: the user checks the key and gives a reason first.
      if (preview.trust.needsConfirmation) {
        setKeyCheck({ kind: 'new', data, trust: preview.trust, file: file.name });
        return;
      }
      await importData(data, file.name);
    } catch (err) {
      // The register's own message names each JSON path at fault: show it in full, line by line.
      if (err instanceof ApiCallError) setProblem({ file: file.name, unreadable: false, lines: err.message.split('\n').filter(Boolean) });
      else notify.error(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  /** Imports a new authority; `acceptKeyChange` is the user's reason when the trust list asked for one. */
  async function importData(data: unknown, file: string, acceptKeyChange?: string) {
    const result = await api.call('packages.import', { package: data, ...(acceptKeyChange ? { acceptKeyChange } : {}) });
    setSummary(result);
    await w.refresh();
  }

  async function acceptNewAuthority(data: unknown, file: string, reason: string) {
    setBusy(true);
    try {
      await importData(data, file, reason);
      setKeyCheck(null);
    } catch (err) {
      setKeyCheck(null);
      if (err instanceof ApiCallError) setProblem({ file, unreadable: false, lines: err.message.split('\n').filter(Boolean) });
      else notify.error(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function applyUpdate(acceptKeyChange?: string) {
    if (!pending) return;
    // The diff was shown; new locks under a key the trust list does not know still need the user's reason.
    if (pending.trust.needsConfirmation && !acceptKeyChange) {
      setKeyCheck({ kind: 'update', data: pending.data, trust: pending.trust, file: pending.file });
      return;
    }
    setBusy(true);
    try {
      const plan = await api.call('packages.update', { package: pending.data, ...(acceptKeyChange ? { acceptKeyChange } : {}) });
      setPending(null);
      setKeyCheck(null);
      setUpdated(plan);
      await w.refresh();
    } catch (err) {
      if (err instanceof ApiCallError) setProblem({ file: pending.file, unreadable: false, lines: err.message.split('\n').filter(Boolean) });
      else notify.error(err);
      setPending(null);
      setKeyCheck(null);
    } finally {
      setBusy(false);
    }
  }

  async function backupRegister() {
    setBusy(true);
    try {
      setBackup((await api.call('register.backup', {})).file);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="packages-heading">
      <h2 id="packages-heading">{t('packages.heading')}</h2>
      <p className="muted">{t('packages.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void exportPackage()} disabled={busy || !w.authority}>
          {t('packages.export', { name: w.authority?.name ?? '' })}
        </button>
        <div className="field import-field">
          <label htmlFor={fileId}>{t('packages.import')}</label>
          <input ref={input} id={fileId} type="file" accept=".json,application/json" onChange={(e) => void importPackage(e)} disabled={busy} />
        </div>
      </div>
      {pending ? <UpdatePreview plan={pending.plan} busy={busy} onUpdate={() => void applyUpdate()} onCancel={() => setPending(null)} /> : null}
      {keyCheck ? (
        <KeyChangeDialog
          trust={keyCheck.trust}
          file={keyCheck.file}
          busy={busy}
          onClose={() => setKeyCheck(null)}
          onAccept={(reason) => void (keyCheck.kind === 'new' ? acceptNewAuthority(keyCheck.data, keyCheck.file, reason) : applyUpdate(reason))}
        />
      ) : null}
      <div role="status" data-testid="import-status">
        {updated ? (
          <p>
            <strong>{t('update.done', { name: updated.name, count: updated.assessments.locksKept.length })}</strong>
          </p>
        ) : null}
        {summary ? (
          <div className="import-ok">
            <p>
              <strong>{t('packages.imported', { name: summary.name })}</strong>
            </p>
            <ul>
              <li>{t('packages.controls', { count: summary.controls, n: format.count(summary.controls) })}</li>
              <li>{t('packages.evidence', { count: summary.evidence, n: format.count(summary.evidence) })}</li>
              <li>{t('packages.assessments', { count: summary.assessments, n: format.count(summary.assessments) })}</li>
              <li>{t('packages.frameworks', { count: summary.frameworks, n: format.count(summary.frameworks) })}</li>
            </ul>
            <button type="button" onClick={() => w.selectAuthority(summary.authorityId)}>
              {t('packages.switchTo', { name: summary.name })}
            </button>
          </div>
        ) : null}
      </div>
      {problem ? (
        <div role="alert" className="import-bad" data-testid="import-error">
          <p>
            <strong>{t(problem.unreadable ? 'packages.unreadable' : 'packages.refused', { file: problem.file })}</strong>
          </p>
          <ul className="mono" tabIndex={0} aria-label={t('packages.problems')}>
            {problem.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>{t('backup.heading')}</h3>
      <p className="muted">{t('backup.intro')}</p>
      <div className="toolbar">
        <button type="button" onClick={() => void backupRegister()} disabled={busy}>
          {t('backup.button')}
        </button>
      </div>
      <div role="status">
        {backup ? (
          <p>
            {t('backup.done')} <code className="mono" data-testid="backup-file">{backup}</code>
          </p>
        ) : null}
      </div>
    </section>
  );
}
