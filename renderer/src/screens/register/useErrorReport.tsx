import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../../shared/api/client.js';
import { useNotify } from '../../app/notify.js';

/**
 * Reports an error through the app's notices and also keeps its text for an
 * inline alert: inside a modal dialog the notices sit behind the backdrop,
 * and the dialog makes the rest of the page inert to assistive technology.
 */
export function useErrorReport() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [message, setMessage] = useState<string | null>(null);
  const report = useCallback(
    (error: unknown) => {
      notify.error(error);
      setMessage(error instanceof ApiCallError ? t(`errors.${error.code}`, { message: error.message }) : error instanceof Error ? error.message : String(error));
    },
    [notify, t],
  );
  const clear = useCallback(() => setMessage(null), []);
  return useMemo(() => ({ message, report, clear }), [message, report, clear]);
}

export function InlineError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error-text inline-error">
      {message}
    </p>
  ) : null;
}
