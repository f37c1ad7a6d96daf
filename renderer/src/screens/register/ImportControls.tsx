import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResults } from '../../../../shared/api/contract.js';
import { CONTROL_FIELDS, REQUIRED_FIELDS, type ControlField } from '../../../../shared/import/control-mapping.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { toBase64 } from './file-transfer.js';

type Preview = ApiResults['controls.importPreview'];
type Mapping = Record<ControlField, number | null>;
const MAX_SHEET_BYTES = 20 * 1024 * 1024;

/**
 * Import controls from a CSV or XLSX sheet: choose the file, confirm which
 * column holds which field (guessed from the headers in English, French or
 * Spanish, or the mapping saved last time), see every row's fate with the
 * problems of rejected rows by line, then import all of it or nothing.
 */
export function ImportControls({ authorityId, onDone, onCancel }: { authorityId: number; onDone(): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation('register');
  const api = useApi();
  const notify = useNotify();
  const fileId = useId();
  const rememberId = useId();
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_SHEET_BYTES) return notify.error(new Error(t('import.tooLarge', { name: chosen.name })));
    setBusy(true);
    try {
      const next = { name: chosen.name, contentBase64: await toBase64(await chosen.arrayBuffer(), () => {}) };
      setFile(next);
      setPreview(await api.call('controls.importPreview', { authorityId, file: next }));
    } catch (err) {
      setPreview(null);
      notify.error(err);
    } finally {
      setBusy(false);
    }
  }

  async function remap(field: ControlField, value: string) {
    if (!file || !preview) return;
    const mapping = { ...(preview.mapping as Mapping), [field]: value === '' ? null : Number(value) };
    setBusy(true);
    try {
      setPreview(await api.call('controls.importPreview', { authorityId, file, mapping }));
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  }

  async function runImport() {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const done = await api.call('controls.import', { authorityId, file, mapping: preview.mapping as Mapping, saveMapping: remember });
      notify.success(t('import.done', { created: done.counts.create, updated: done.counts.update, unchanged: done.counts.unchanged }));
      await onDone();
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  }

  const counts = preview?.counts;
  const blocked = !preview || preview.mappingProblems.length > 0 || (counts?.rejected ?? 0) > 0 || (counts ? counts.create + counts.update === 0 : true);
  return (
    <div className="import-controls" data-testid="import-controls">
      <p className="muted">{t('import.intro')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('import.file')}</label>
        <input id={fileId} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e)} disabled={busy} />
      </div>
      {preview ? (
        <>
          <fieldset>
            <legend>{t('import.mapping', { source: t(`import.source.${preview.source}`) })}</legend>
            <div className="mapping-grid">
              {CONTROL_FIELDS.map((field) => (
                <div className="field" key={field}>
                  <label htmlFor={`${fileId}-${field}`}>
                    {t(`import.fields.${field}`)}
                    {REQUIRED_FIELDS.includes(field) ? ` ${t('import.required')}` : ''}
                  </label>
                  <select id={`${fileId}-${field}`} value={preview.mapping[field] ?? ''} onChange={(e) => void remap(field, e.target.value)} disabled={busy}>
                    <option value="">{t('import.notInFile')}</option>
                    {preview.headers.map((header, i) => (
                      <option key={i} value={i}>
                        {header || t('import.column', { n: i + 1 })}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          <div role="status" aria-live="polite" data-testid="import-summary">
            {preview.mappingProblems.length ? (
              <ul className="error-text">
                {preview.mappingProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <p>{t('import.counts', { create: counts!.create, update: counts!.update, unchanged: counts!.unchanged, rejected: counts!.rejected })}</p>
            )}
          </div>
          {preview.rows.length ? (
            <div className="table-scroll import-rows" tabIndex={0} role="region" aria-label={t('import.rowsCaption')}>
              <table>
                <caption className="visually-hidden">{t('import.rowsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.line')}</th>
                    <th scope="col">{t('import.fields.title')}</th>
                    <th scope="col">{t('import.action')}</th>
                    <th scope="col">{t('import.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.line} className={row.action === 'rejected' ? 'rejected' : undefined}>
                      <td>{row.line}</td>
                      <th scope="row">{row.title || '—'}</th>
                      <td>{t(`import.actions.${row.action}`)}</td>
                      <td>{row.problems.map((p) => `${t(`import.fields.${p.field}`, { defaultValue: p.field })}: ${p.message}`).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="field checkbox">
            <label htmlFor={rememberId}>
              <input id={rememberId} type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> {t('import.remember')}
            </label>
          </div>
        </>
      ) : null}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void runImport()} disabled={busy || blocked}>
          {t('import.apply')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </div>
  );
}
