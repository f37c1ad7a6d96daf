import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../../shared/api/client.js';
import type { PackageTrust } from '../../../../shared/domain/records.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { KeyChangeDialog } from '../authorities/KeyChangeDialog.js';

interface Line {
  file: string;
  ok: boolean;
  text: string;
  /** Refused by the trust list only: the user may check the key and accept it with a reason. */
  keyCheck?: { data: unknown; trust: PackageTrust };
}

/** How many of a refused package's JSON-path problems are listed; the rest are counted. */
const SHOWN = 3;
/** The browser gives a folder's files with their path inside it; sort so the log reads in order. */
const pathOf = (file: File) => file.webkitRelativePath || file.name;

/**
 * Imports many packages, one call per package so each is all-or-nothing on
 * its own: a bad one is listed with its file name and reason and the rest go on.
 */
export function FolderImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('portfolio');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const folderId = useId();
  const filesId = useId();
  const folder = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  /** The line whose key change is being checked, by its index in the log. */
  const [checking, setChecking] = useState<number | null>(null);
  const [accepting, setAccepting] = useState(false);
  const busy = (progress !== null && progress.done < progress.total) || accepting;

  /** Was this refusal the trust list's (another key, or unsigned locks, for a trusted authority)? */
  async function keyCheckOf(data: unknown): Promise<Line['keyCheck']> {
    try {
      const preview = await api.call('packages.preview', { package: data });
      return preview.kind === 'new' && preview.trust.needsConfirmation ? { data, trust: preview.trust } : undefined;
    } catch {
      return undefined;
    }
  }

  async function importOne(file: File): Promise<Line> {
    let data: unknown;
    try {
      data = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch (e) {
      return { file: pathOf(file), ok: false, text: t('import.refused', { reason: t('import.notJson', { message: e instanceof Error ? e.message : String(e) }) }) };
    }
    try {
      const summary = await api.call('packages.import', { package: data });
      return { file: pathOf(file), ok: true, text: t('import.imported', { name: summary.name }) };
    } catch (e) {
      if (!(e instanceof ApiCallError)) notify.error(e);
      const keyCheck = e instanceof ApiCallError && e.code === 'conflict' ? await keyCheckOf(data) : undefined;
      if (keyCheck) return { file: pathOf(file), ok: false, text: t('import.keyChange', { name: keyCheck.trust.authorityName }), keyCheck };
      // The register names each JSON path at fault, one per line: show the first few.
      const problems = (e instanceof Error ? e.message : String(e)).split('\n').filter(Boolean);
      const more = problems.length - SHOWN;
      const reason = [...problems.slice(0, SHOWN), ...(more > 0 ? [t('import.more', { count: more })] : [])].join(t('common:common.listSeparator'));
      return { file: pathOf(file), ok: false, text: t('import.refused', { reason }) };
    }
  }

  async function run(e: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(e.target.files ?? [])].filter((f) => f.name.toLowerCase().endsWith('.json')).sort((a, b) => pathOf(a).localeCompare(pathOf(b)));
    setLines([]);
    if (!chosen.length) {
      setProgress(null);
      setLines([{ file: '', ok: false, text: t('import.noJson') }]);
      return;
    }
    setProgress({ done: 0, total: chosen.length });
    let imported = 0;
    for (const [i, file] of chosen.entries()) {
      const line = await importOne(file);
      if (line.ok) imported += 1;
      setLines((list) => [...list, line]);
      setProgress({ done: i + 1, total: chosen.length });
    }
    for (const input of [folder.current, files.current]) if (input) input.value = '';
    if (imported) {
      await w.refresh().catch(notify.error);
      onImported();
    }
  }

  async function acceptKeyChange(index: number, reason: string) {
    const line = lines[index];
    if (!line?.keyCheck) return;
    setAccepting(true);
    try {
      const summary = await api.call('packages.import', { package: line.keyCheck.data, acceptKeyChange: reason });
      setLines((list) => list.map((l, i) => (i === index ? { file: l.file, ok: true, text: t('import.importedAfterCheck', { name: summary.name }) } : l)));
      setChecking(null);
      await w.refresh().catch(notify.error);
      onImported();
    } catch (e) {
      setChecking(null);
      notify.error(e);
    } finally {
      setAccepting(false);
    }
  }

  const imported = lines.filter((l) => l.ok).length;
  const checked = checking === null ? null : lines[checking];
  return (
    <section className="panel" aria-labelledby="portfolio-import-heading">
      <h2 id="portfolio-import-heading">{t('import.heading')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={folderId}>{t('import.folder')}</label>
          {/* webkitdirectory is not in React's types; every current browser supports it. */}
          <input ref={folder} id={folderId} type="file" multiple {...{ webkitdirectory: '' }} onChange={(e) => void run(e)} disabled={busy} />
        </div>
        <div className="field">
          <label htmlFor={filesId}>{t('import.files')}</label>
          <input ref={files} id={filesId} type="file" multiple accept=".json,application/json" onChange={(e) => void run(e)} disabled={busy} />
        </div>
      </div>
      {progress ? (
        <p className="import-progress">
          <label>
            {t('import.progress')} <progress max={progress.total} value={progress.done} />
          </label>{' '}
          <span>{t('import.progressText', { done: progress.done, total: progress.total })}</span>
        </p>
      ) : null}
      <div aria-live="polite" data-testid="folder-import-log">
        {lines.length ? (
          <>
            <ul className="import-log" aria-label={t('import.log')}>
              {lines.map((line, i) => (
                <li key={i} className={line.ok ? 'ok' : 'bad'}>
                  {line.file ? <span className="mono">{line.file}</span> : null} {line.text}
                  {line.keyCheck ? (
                    <>
                      {' '}
                      <button type="button" onClick={() => setChecking(i)} disabled={busy} aria-label={t('import.checkKeyOf', { file: line.file })}>
                        {t('import.checkKey')}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            {progress && !busy ? <p>{t('import.summary', { imported, refused: lines.length - imported })}</p> : null}
          </>
        ) : null}
      </div>
      {checked?.keyCheck ? (
        <KeyChangeDialog trust={checked.keyCheck.trust} file={checked.file} busy={accepting} onClose={() => setChecking(null)} onAccept={(reason) => void acceptKeyChange(checking!, reason)} />
      ) : null}
    </section>
  );
}
