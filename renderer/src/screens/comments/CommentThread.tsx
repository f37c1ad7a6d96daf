import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { threadKey, type CommentRecord, type ThreadRef, type ThreadType } from '../../../../shared/comments/comments.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';
import { useComments } from './useComments.js';
import '../../styles/actions.css';

/**
 * One comment thread (a criterion's, a chain cell's, or the assessment's):
 * the conversation between reviewer and assessor, oldest first, and a box to
 * answer. A locked assessment's thread is read-only.
 */
export function CommentThread({ type, id, label, collapsed = true }: { type: ThreadType; id: string; label: string; collapsed?: boolean }) {
  const { t } = useTranslation('comments');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const fieldId = useId();
  const { comments, reload } = useComments();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = threadKey({ type, id });
  const thread = (comments ?? []).filter((c) => threadKey(c) === key);
  const locked = w.detail?.assessment.status === 'locked';

  async function post(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('errors.empty'));
      document.getElementById(fieldId)?.focus();
      return;
    }
    if (!w.assessmentId) return;
    setBusy(true);
    try {
      await api.call('comments.add', { assessmentId: w.assessmentId, thread: { type, id } as ThreadRef, body });
      setBody('');
      setError(null);
      await reload();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="thread" open={!collapsed || undefined} data-testid={`thread-${key}`}>
      <summary>
        {t('summary', { count: thread.length })}
        <span className="visually-hidden">: {label}</span>
      </summary>
      {thread.length ? (
        <ol aria-label={t('listLabel', { label })}>
          {thread.map((c) => (
            <CommentItem key={c.uid} comment={c} />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      {locked ? (
        <p className="muted">{t('locked')}</p>
      ) : (
        <form onSubmit={(e) => void post(e)} noValidate>
          <label htmlFor={fieldId}>{t('add', { label })}</label>
          <textarea
            id={fieldId}
            value={body}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            onChange={(e) => {
              setBody(e.target.value);
              if (error && e.target.value.trim()) setError(null);
            }}
          />
          {error ? (
            <p className="error" id={`${fieldId}-error`} role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {t('post')}
          </button>
        </form>
      )}
    </details>
  );
}

/** One comment: who wrote it and when (and whether it is a return-to-draft reason), then its text. */
export function CommentItem({ comment: c }: { comment: CommentRecord }) {
  const { t } = useTranslation('comments');
  const format = useFormat();
  return (
    <li className={c.kind === 'return-reason' ? 'return-reason' : undefined}>
      <span className="muted small block">
        {t('by', { author: c.author, at: format.dateTime(c.createdAt) })}
        {c.kind === 'return-reason' ? ` · ${t('returnReason')}` : ''}
      </span>
      {c.body}
    </li>
  );
}
