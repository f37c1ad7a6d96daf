import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useNotify } from './notify.js';

/**
 * A small shared cache of one list per assessment (its actions, its comments),
 * so that the many components showing it (one button per flag, one thread per
 * criterion) make one request and all update when any of them changes it.
 */
export function keyedStore<T>() {
  const values = new Map<number, T>();
  const inFlight = new Map<number, Promise<T>>();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  function load(key: number, fetch: () => Promise<T>): Promise<T> {
    const running = inFlight.get(key);
    if (running) return running;
    const promise = fetch()
      .then((value) => {
        values.set(key, value);
        emit();
        return value;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }
  /** The list for `key`, fetched on mount and whenever `freshness` changes (the assessment was re-scored). */
  function use(key: number | null, fetch: (key: number) => Promise<T>, freshness: unknown): { value: T | null; reload: () => Promise<void> } {
    const notify = useNotify();
    const value = useSyncExternalStore(subscribe, () => (key === null ? null : (values.get(key) ?? null)));
    const reload = useCallback(async () => {
      if (key !== null) await load(key, () => fetch(key));
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [key]);
    useEffect(() => {
      reload().catch(notify.error);
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [key, freshness]);
    return { value, reload };
  }
  return { use };
}
