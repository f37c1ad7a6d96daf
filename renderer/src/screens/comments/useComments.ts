import type { CommentRecord } from '../../../../shared/comments/comments.js';
import { useApi } from '../../api/ApiContext.js';
import { keyedStore } from '../../app/keyed-store.js';
import { useWorkspace } from '../../app/workspace.js';

const store = keyedStore<CommentRecord[]>();

/** Every comment of the selected assessment, shared by all its threads on screen. */
export function useComments(): { comments: CommentRecord[] | null; reload: () => Promise<void> } {
  const api = useApi();
  const w = useWorkspace();
  const { value, reload } = store.use(w.assessmentId, (assessmentId) => api.call('comments.list', { assessmentId }), w.detail?.assessment.status);
  return { comments: value, reload };
}
