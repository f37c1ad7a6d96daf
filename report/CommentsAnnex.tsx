import { groupByThread } from '../shared/comments/comments.js';
import type { ReportData } from '../shared/report/report-data.js';
import type { Words } from './words.js';

/** The review conversation, thread by thread; only when the user asks for it at export. */
export function CommentsAnnex({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  const threads = [...groupByThread(data.comments).values()];
  const title = (type: string, id: string) => {
    if (type === 'criterion') return t('document.comments.criterion', { id });
    if (type === 'cell') {
      const [stage = '', riskType = ''] = id.split('/');
      return t('document.comments.cell', { stage: words.stage(stage), riskType: words.riskType(riskType) });
    }
    return t('document.comments.assessment');
  };
  return (
    <section className="major annex comments" data-section="comments">
      <h2>{t('document.sections.comments')}</h2>
      <p>{t('document.comments.intro')}</p>
      {threads.map((thread) => (
        <div className="thread" key={`${thread[0]!.threadType}:${thread[0]!.threadId}`}>
          <h3>{title(thread[0]!.threadType, thread[0]!.threadId)}</h3>
          <ol>
            {thread.map((c) => (
              <li key={c.uid}>
                <span className="muted small block">
                  {t('document.comments.by', { author: c.author, at: fmt.dateTime(c.createdAt) })}
                  {c.kind === 'return-reason' ? ` · ${t('document.comments.returnReason')}` : ''}
                </span>
                {c.body}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
