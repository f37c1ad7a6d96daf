import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingProfile } from '../../../../shared/permits/mapping-profile.js';
import { profileMapping } from '../../../../shared/permits/mapping-profile.js';
import type { ImportProgress, ImportSummary, PermitFormat } from '../../../../shared/permits/summaries.js';
import { useApi } from '../../api/ApiContext.js';
import { useFormat } from '../../i18n/format.js';

/**
 * Import with a progress bar and a cancel button. The import itself runs in a
 * worker in the main process; this panel polls its progress by job id.
 * Paths are files or folders on this computer, one per line.
 */
export function ImportPanel({ authorityId, onImported }: { authorityId: number; onImported(summary: ImportSummary): void }) {
  const { t } = useTranslation('permits');
  const api = useApi();
  const format$ = useFormat();
  const ids = { format: useId(), paths: useId(), mapping: useId(), keep: useId() };
  const [format, setFormat] = useState<PermitFormat>('trade-db');
  const [paths, setPaths] = useState('');
  const [profiles, setProfiles] = useState<MappingProfile[]>([]);
  const [profile, setProfile] = useState('');
  const [keepNames, setKeepNames] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    api.call('permits.mappings', {}).then(setProfiles, () => setProfiles([]));
  }, [api]);
  useEffect(() => () => (poll.current ? clearInterval(poll.current) : undefined), []);

  async function start() {
    const jobId = `import-${Date.now()}`;
    const chosen = profiles.find((p) => p.name === profile);
    setRunning(jobId);
    setMessage('');
    setProgress(null);
    poll.current = setInterval(() => {
      api.call('permits.progress', { jobId }).then((p) => p && setProgress(p), () => undefined);
    }, 500);
    try {
      const summary = await api.call('permits.import', {
        jobId,
        authorityId,
        format,
        paths: paths.split('\n').map((p) => p.trim()).filter(Boolean),
        ...(format === 'register' && chosen ? { mapping: profileMapping(chosen) } : {}),
        pseudonymise: !keepNames,
      });
      setMessage(t('import.done', { read: format$.count(summary.rowsRead), stored: format$.count(summary.rowsStored), rejected: format$.count(summary.rowsRejected) }));
      onImported(summary);
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      if (poll.current) clearInterval(poll.current);
      setRunning(null);
    }
  }

  const percent = progress ? Math.floor((100 * progress.bytesRead) / Math.max(1, progress.bytesTotal)) : 0;
  return (
    <section className="panel permits-import" aria-labelledby={`${ids.format}-h`}>
      <h2 id={`${ids.format}-h`}>{t('import.title')}</h2>
      <div className="permits-import-fields">
        <div className="filter-field">
          <label htmlFor={ids.format}>{t('import.format')}</label>
          <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as PermitFormat)} disabled={running !== null}>
            {(['trade-db', 'register', 'quotas'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`import.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        {format === 'register' ? (
          <div className="filter-field">
            <label htmlFor={ids.mapping}>{t('import.mapping')}</label>
            <select id={ids.mapping} value={profile} onChange={(e) => setProfile(e.target.value)} disabled={running !== null}>
              <option value="">{t('import.chooseMapping')}</option>
              {profiles.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="filter-field permits-paths">
          <label htmlFor={ids.paths}>{t('import.paths')}</label>
          <textarea id={ids.paths} rows={2} value={paths} onChange={(e) => setPaths(e.target.value)} disabled={running !== null} />
        </div>
        {format === 'register' ? (
          <div className="checkbox-field">
            <input id={ids.keep} type="checkbox" checked={keepNames} onChange={(e) => setKeepNames(e.target.checked)} />
            <label htmlFor={ids.keep}>{t('import.keepNames')}</label>
          </div>
        ) : null}
      </div>
      <div className="toolbar">
        <button type="button" className="primary" onClick={start} disabled={running !== null || !paths.trim() || (format === 'register' && !profile)}>
          {t('import.start')}
        </button>
        {running ? (
          <button type="button" onClick={() => api.call('permits.cancel', { jobId: running })}>
            {t('import.cancel')}
          </button>
        ) : null}
      </div>
      {running ? (
        <div>
          <label className="visually-hidden" htmlFor={`${ids.format}-p`}>
            {t('import.progress')}
          </label>
          <progress id={`${ids.format}-p`} max={100} value={percent} />{' '}
          <span aria-live="polite">{t('import.progressText', { percent, rows: format$.count(progress?.rowsRead ?? 0) })}</span>
        </div>
      ) : null}
      {message ? (
        <p role="status" data-testid="permits-import-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}
