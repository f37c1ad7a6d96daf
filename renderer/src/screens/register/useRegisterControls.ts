import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlWindow } from '../../../../shared/api/results.js';
import type { ControlFilters, ControlQuery } from '../../../../shared/register/control-query.js';
import { LANGUAGES, type Language } from '../../../../shared/api/languages.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';

/** Rows fetched around what is in view: enough to scroll a screenful either way without waiting. */
const WINDOW = 300;
const MARGIN = 100;

/**
 * The register as the server windows it: the rows around the visible ones,
 * filtered and sorted on the server, so the screen holds a few hundred rows
 * whatever the register's size. Only the newest request's answer is kept.
 */
export function useRegisterWindow(authorityId: number | null, asOf: string, filters: ControlFilters, sort: ControlQuery['sort']) {
  const api = useApi();
  const notify = useNotify();
  const { i18n } = useTranslation();
  const language: Language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  const [window, setWindow] = useState<ControlWindow | null>(null);
  const latest = useRef(0);
  const notifyRef = useRef(notify);
  notifyRef.current = notify;
  const held = useRef<ControlWindow | null>(null);
  held.current = window;

  const fetchAt = useCallback(
    async (offset: number) => {
      const ticket = ++latest.current;
      if (authorityId === null) {
        setWindow({ total: 0, matching: 0, offset: 0, rows: [] });
        return;
      }
      const next = await api.call('controls.list', { authorityId, asOf, offset, limit: WINDOW, filters, sort, language });
      if (ticket === latest.current) setWindow(next);
    },
    [api, authorityId, asOf, filters, sort, language],
  );

  useEffect(() => {
    setWindow(null);
    fetchAt(0).catch((error: unknown) => notifyRef.current.error(error));
  }, [fetchAt]);

  /** Called with the rows in view: fetches another window when they are not all held. */
  const ensure = useCallback(
    (first: number, last: number) => {
      const current = held.current;
      if (!current) return;
      const end = current.offset + current.rows.length;
      const inside = first >= current.offset && (last < end || end >= current.matching);
      if (inside) return;
      fetchAt(Math.max(0, first - MARGIN)).catch((error: unknown) => notifyRef.current.error(error));
    },
    [fetchAt],
  );

  /** After a change: the same window again, with the register as it now is. */
  const reload = useCallback(() => fetchAt(held.current?.offset ?? 0), [fetchAt]);

  /** Every matching row, page by page (for the CSV of the whole filtered register). */
  const all = useCallback(async () => {
    if (authorityId === null) return [];
    const rows = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await api.call('controls.list', { authorityId, asOf, offset, limit: 1000, filters, sort, language });
      rows.push(...page.rows);
      if (offset + 1000 >= page.matching) return rows;
    }
  }, [api, authorityId, asOf, filters, sort, language]);

  return { window, ensure, reload, all };
}
