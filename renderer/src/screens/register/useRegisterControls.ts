import { useCallback, useEffect, useRef, useState } from 'react';
import type { ControlListItem } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';

/**
 * The authority's controls with their PI-1 status at `asOf`, as the API lists
 * them. Only the newest request's answer is kept, so quick switches never
 * show an older authority's list.
 */
export function useRegisterControls(authorityId: number | null, asOf: string) {
  const api = useApi();
  const notify = useNotify();
  const [controls, setControls] = useState<ControlListItem[] | null>(null);
  const latest = useRef(0);
  const notifyRef = useRef(notify);
  notifyRef.current = notify;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    if (authorityId === null) {
      setControls([]);
      return;
    }
    const list = await api.call('controls.list', { authorityId, asOf });
    if (ticket === latest.current) setControls(list);
  }, [api, authorityId, asOf]);

  useEffect(() => {
    setControls(null);
    reload().catch((error: unknown) => notifyRef.current.error(error));
  }, [reload]);

  return { controls, reload };
}
