import type { ActionView } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { keyedStore } from '../../app/keyed-store.js';
import { useWorkspace } from '../../app/workspace.js';

const store = keyedStore<ActionView[]>();

/** The selected assessment's action plan, shared by the Actions view and every flag's button. */
export function useActions(): { actions: ActionView[] | null; reload: () => Promise<void> } {
  const api = useApi();
  const w = useWorkspace();
  const { value, reload } = store.use(w.assessmentId, (assessmentId) => api.call('actions.list', { assessmentId }), w.detail);
  return { actions: value, reload };
}
