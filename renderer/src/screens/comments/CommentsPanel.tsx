import { useTranslation } from 'react-i18next';
import { groupByThread } from '../../../../shared/comments/comments.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { requestCriterionFocus } from '../assessment/criteria.js';
import { CommentItem, CommentThread } from './CommentThread.js';
import { useComments } from './useComments.js';

/**
 * The reviewer's view of the selected assessment's conversation: its own
 * thread to answer here, and every criterion and chain-cell thread that has
 * comments, with the way to the criterion to answer there.
 */
export function CommentsPanel() {
  const { t } = useTranslation('comments');
  const w = useWorkspace();
  const lib = useLibraryText();
  const { comments } = useComments();
  if (!w.detail) return null;
  const criteria = new Map(w.detail.result.criteria.map((c) => [c.id, `${c.paragraph} ${lib.criterionTitle(c)}`]));
  const stages = new Map(w.library.stages.map((s) => [s.id, lib.stage(s)]));
  const risks = new Map(w.library.riskTypes.map((r) => [r.id, lib.riskType(r)]));
  const threads = [...groupByThread(comments ?? []).values()].filter((list) => list[0]!.threadType !== 'assessment');
  const label = (type: string, id: string) => {
    if (type === 'criterion') return criteria.get(id) ?? id;
    const [stage = '', risk = ''] = id.split('/');
    return t('cell', { stage: stages.get(stage) ?? stage, riskType: risks.get(risk) ?? risk });
  };
  return (
    <section className="panel" aria-labelledby="comments-heading" data-testid="review-comments">
      <h2 id="comments-heading">{t('panelTitle', { title: w.detail.assessment.title })}</h2>
      <CommentThread type="assessment" id="" label={t('wholeAssessment')} collapsed={false} />
      {threads.length === 0 ? <p className="muted">{t('noOtherThreads')}</p> : null}
      {threads.map((list) => {
        const { threadType, threadId } = list[0]!;
        return (
          <div className="thread" key={`${threadType}:${threadId}`}>
            <h3>{label(threadType, threadId)}</h3>
            <ol>
              {list.map((c) => (
                <CommentItem key={c.uid} comment={c} />
              ))}
            </ol>
            {threadType === 'criterion' ? (
              <a href="#/assessment" onClick={() => requestCriterionFocus(threadId)}>
                {t('answerCriterion')}
              </a>
            ) : (
              <a href="#/chain">{t('answerCell')}</a>
            )}
          </div>
        );
      })}
    </section>
  );
}
