import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { useWorkspace } from '../../app/workspace.js';
import { MAX_FILE_BYTES, readFile, toBase64 } from './file-transfer.js';
import { InlineError, useErrorReport } from './useErrorReport.js';

type Phase = { kind: 'idle' } | { kind: 'reading' | 'encoding'; fraction: number } | { kind: 'uploading' };
type Field = 'title' | 'date' | 'expiry' | 'file';

/** Adds an evidence item to a control, with an optional file stored with its SHA-256. */
export function EvidenceForm({ controlId, onAdded }: { controlId: number; onAdded: () => Promise<void> }) {
  const { t } = useTranslation('register');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const failure = useErrorReport();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  // Evidence dated after the assessment's as-of date would not count for it, so default to the earlier of the two.
  const asOf = useWorkspace().detail?.assessment.asOf;
  const [date, setDate] = useState(asOf && asOf < todayIso() ? asOf : todayIso());
  const [expiry, setExpiry] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [done, setDone] = useState<string | null>(null);
  const busy = phase.kind !== 'idle';

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = t('evidence.errors.titleRequired');
    else if (title.trim().length > 300) found.title = t('evidence.errors.titleTooLong');
    if (!date) found.date = t('evidence.errors.dateRequired');
    else if (!isIsoDate(date)) found.date = t('evidence.errors.dateInvalid');
    if (expiry && !isIsoDate(expiry)) found.expiry = t('evidence.errors.expiryInvalid');
    else if (expiry && date && expiry < date) found.expiry = t('evidence.errors.expiryBeforeDate');
    if (file && file.size > MAX_FILE_BYTES) found.file = t('evidence.errors.fileTooLarge', { size: format.bytes(MAX_FILE_BYTES) });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    const first = (['title', 'date', 'expiry', 'file'] as Field[]).find((f) => found[f]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    failure.clear();
    setDone(null);
    try {
      let payload: { name: string; mediaType: string | null; contentBase64: string } | null = null;
      if (file) {
        setPhase({ kind: 'reading', fraction: 0 });
        const buffer = await readFile(file, (fraction) => setPhase({ kind: 'reading', fraction }));
        setPhase({ kind: 'encoding', fraction: 0 });
        const contentBase64 = await toBase64(buffer, (fraction) => setPhase({ kind: 'encoding', fraction }));
        payload = { name: file.name, mediaType: file.type || null, contentBase64 };
      }
      setPhase({ kind: 'uploading' });
      await api.call('evidence.add', { controlId, evidence: { title: title.trim(), date, expiry: expiry || null }, file: payload });
      notify.success(t('evidence.added', { title: title.trim() }));
      setDone(t('evidence.added', { title: title.trim() }));
      setTitle('');
      setExpiry('');
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      await onAdded();
    } catch (error) {
      failure.report(error);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  const described = (field: Field, hint = false) => [errors[field] ? `${id}-${field}-error` : '', hint ? `${id}-${field}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="error">
        {errors[field]}
      </span>
    ) : null;

  return (
    <form ref={formRef} className="evidence-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <h4>{t('evidence.addTitle')}</h4>
      <div className="grid-form">
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('evidence.title')}</label>
          <input id={`${id}-title`} name="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!errors.title} aria-describedby={described('title')} aria-required="true" disabled={busy} />
          {error('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('evidence.file')}</label>
          <input id={`${id}-file`} ref={fileRef} name="file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-invalid={!!errors.file} aria-describedby={described('file', true)} disabled={busy} />
          <span id={`${id}-file-hint`} className="hint">
            {file ? t('evidence.fileChosen', { name: file.name, size: format.bytes(file.size) }) : t('evidence.fileHint', { size: format.bytes(MAX_FILE_BYTES) })}
          </span>
          {error('file')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('evidence.date')}</label>
          <input id={`${id}-date`} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!!errors.date} aria-describedby={described('date')} aria-required="true" disabled={busy} />
          {error('date')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiry`}>{t('evidence.expiry')}</label>
          <input id={`${id}-expiry`} name="expiry" type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} aria-invalid={!!errors.expiry} aria-describedby={described('expiry', true)} disabled={busy} />
          <span id={`${id}-expiry-hint`} className="hint">
            {t('evidence.expiryHint')}
          </span>
          {error('expiry')}
        </div>
      </div>
      <InlineError message={failure.message} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('evidence.add')}
        </button>
        <span role="status" className="upload-status">
          {phase.kind === 'reading' || phase.kind === 'encoding' ? (
            <>
              {t(phase.kind === 'reading' ? 'evidence.reading' : 'evidence.encoding')}{' '}
              <progress className="upload-progress" max={1} value={phase.fraction} aria-label={t(phase.kind === 'reading' ? 'evidence.reading' : 'evidence.encoding')} />
            </>
          ) : phase.kind === 'uploading' ? (
            t('evidence.uploading')
          ) : (
            done
          )}
        </span>
      </div>
    </form>
  );
}
