import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../shared/api/client.js';

interface Notice {
  id: number;
  kind: 'error' | 'success';
  text: string;
}

interface Notifier {
  error(error: unknown): void;
  success(text: string): void;
}

const NotifyContext = createContext<Notifier | null>(null);
let nextId = 1;

/** Errors from the API are always shown, in plain words, never swallowed. */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const layer = useRef<HTMLDivElement>(null);
  // A manual popover lives in the top layer; showing it again after a modal
  // dialog opened puts the notices above that dialog, where they can be read.
  useEffect(() => {
    const element = layer.current;
    if (!element || typeof element.showPopover !== 'function') return;
    if (element.matches(':popover-open')) element.hidePopover();
    if (notices.length) element.showPopover();
  }, [notices]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notifier = useMemo<Notifier>(
    () => ({
      error(error) {
        const text = error instanceof ApiCallError ? t(`errors.${error.code}`, { message: error.message }) : error instanceof Error ? error.message : String(error);
        setNotices((list) => [...list.slice(-3), { id: nextId++, kind: 'error', text }]);
      },
      success(text) {
        const id = nextId++;
        setNotices((list) => [...list.slice(-3), { id, kind: 'success', text }]);
        window.setTimeout(() => dismiss(id), 5000);
      },
    }),
    [t, dismiss],
  );
  return (
    <NotifyContext.Provider value={notifier}>
      {children}
      <div ref={layer} popover="manual" className="notices" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" className="link" onClick={() => dismiss(notice.id)} aria-label={t('actions.dismiss')}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notifier {
  const notifier = useContext(NotifyContext);
  if (!notifier) throw new Error('useNotify outside NotifyProvider');
  return notifier;
}
