import { useCallback, useEffect, useState } from 'react';
import type { CalendarView } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';

/**
 * The selected authority's due list for a reference date; reloaded when the date or the scoring changes.
 * With a limit, only the first items come (view.itemCount still counts them all).
 */
export function useDueList(today: string, limit?: number): { view: CalendarView | null; reload: () => Promise<void> } {
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const [view, setView] = useState<CalendarView | null>(null);
  const authorityId = w.authority?.id ?? null;
  const reload = useCallback(async () => {
    if (authorityId === null || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return;
    setView(await api.call('calendar.get', { authorityId, today, ...(limit === undefined ? {} : { limit }) }));
  }, [api, authorityId, today, limit]);
  useEffect(() => {
    reload().catch(notify.error);
  }, [reload, notify, w.detail]);
  return { view, reload };
}
