import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../../shared/api/client.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';

interface Line {
  file: string;
  ok: boolean;
  text: string;
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
  const busy = progress !== null && progress.done < progress.total;

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

  const imported = lines.filter((l) => l.ok).length;
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
                </li>
              ))}
            </ul>
            {progress && !busy ? <p>{t('import.summary', { imported, refused: lines.length - imported })}</p> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
