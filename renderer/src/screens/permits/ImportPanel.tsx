import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareStrings } from '../../../../shared/domain/compare.js';
import type { MappingProfile } from '../../../../shared/permits/mapping-profile.js';
import { profileMapping } from '../../../../shared/permits/mapping-profile.js';
import type { RegisterMapping } from '../../../../shared/permits/parse-row.js';
import { suggestMapping } from '../../../../shared/permits/suggest-mapping.js';
import type { ColumnPreview, ImportProgress, ImportSummary, PermitFormat } from '../../../../shared/permits/summaries.js';
import { useApi } from '../../api/ApiContext.js';
import { useFormat } from '../../i18n/format.js';
import { ColumnMapping, unmappedRequired } from './ColumnMapping.js';

/**
 * Import with a progress bar and a cancel button. The import itself runs in a
 * worker in the main process; this panel polls its progress by job id.
 * Paths are files or folders on this computer, one per line. A register
 * needs a column mapping: a saved profile, or one made here from the first
 * file's columns (guessed from their names, then checked by the user).
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
  const [mapping, setMapping] = useState<RegisterMapping | null>(null);
  const [preview, setPreview] = useState<ColumnPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [keepNames, setKeepNames] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    api.call('permits.mappings', {}).then(setProfiles, () => setProfiles([]));
  }, [api]);
  useEffect(() => () => (poll.current ? clearInterval(poll.current) : undefined), []);

  const pathList = () => paths.split('\n').map((p) => p.trim()).filter(Boolean);

  function chooseProfile(name: string) {
    setProfile(name);
    const chosen = profiles.find((p) => p.name === name);
    if (chosen) setMapping(profileMapping(chosen));
  }

  /** Reads the first file's header and rows; without a chosen profile, guesses the mapping from the column names. */
  async function readColumns() {
    setReading(true);
    setMessage('');
    try {
      const read = await api.call('permits.previewColumns', { path: pathList()[0]! });
      setPreview(read);
      if (!profile) setMapping({ columns: suggestMapping(read.columns), dateOrder: mapping?.dateOrder ?? 'iso' });
    } catch (error) {
      setPreview(null);
      setMessage((error as Error).message);
    } finally {
      setReading(false);
    }
  }

  async function start() {
    const jobId = `import-${Date.now()}`;
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
        paths: pathList(),
        ...(format === 'register' && mapping ? { mapping: { columns: mapping.columns, ...(mapping.dateOrder && mapping.dateOrder !== 'iso' ? { dateOrder: mapping.dateOrder } : {}) } } : {}),
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
            <select id={ids.mapping} value={profile} onChange={(e) => chooseProfile(e.target.value)} disabled={running !== null}>
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
      {format === 'register' ? (
        <>
          <div className="toolbar">
            <button type="button" onClick={() => void readColumns()} disabled={running !== null || reading || !paths.trim()}>
              {t('mapping.read')}
            </button>
          </div>
          {preview || mapping ? (
            <ColumnMapping
              preview={preview}
              mapping={mapping ?? { columns: {} }}
              onChange={setMapping}
              onSaved={(saved) => {
                setProfiles((list) => [...list.filter((p) => p.name !== saved.name), saved].sort((a, b) => compareStrings(a.name, b.name)));
                setProfile(saved.name);
              }}
              disabled={running !== null}
              defaultName={profile}
            />
          ) : null}
        </>
      ) : null}
      <div className="toolbar">
        <button type="button" className="primary" onClick={start} disabled={running !== null || !paths.trim() || (format === 'register' && unmappedRequired(mapping).length > 0)}>
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
