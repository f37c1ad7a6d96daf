import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlWindow } from '../../../../shared/api/results.js';
import type { ControlFilters, ControlQuery } from '../../../../shared/register/control-query.js';
import { LANGUAGES, type Language } from '../../../../shared/api/languages.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';

/**
 * Rows fetched at a time: dozens of screenfuls (about 300 KB), so that even a
 * fast scroll through 10,000 controls asks for a new window only now and then;
 * each arrival rebuilds the table's rows and redraws those in view.
 */
const WINDOW = 1000;
/** Rows kept behind the view (against the scrolling direction) when a new window is asked for. */
const BEHIND = 200;
/** A new window is asked for once the view comes this close to the held window's edge, so it arrives before the rows are needed. */
const AHEAD = 300;

/**
 * The register as the server windows it: the rows around the visible ones,
 * filtered and sorted on the server, so the screen holds a few hundred rows
 * whatever the register's size. Only the newest request's answer is kept.
 * A null `asOf` (not known yet) waits: nothing is asked until it is.
 */
export function useRegisterWindow(authorityId: number | null, asOf: string | null, filters: ControlFilters, sort: ControlQuery['sort']) {
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

  /** The window asked for and not yet answered (only the newest request's answer is kept). */
  const pending = useRef<{ offset: number; end: number } | null>(null);
  /** The first row in view last time, to tell which way the reader is scrolling. */
  const lastFirst = useRef(0);

  const fetchAt = useCallback(
    async (offset: number) => {
      const ticket = ++latest.current;
      if (asOf === null) return;
      if (authorityId === null) {
        setWindow({ total: 0, matching: 0, offset: 0, rows: [] });
        return;
      }
      pending.current = { offset, end: offset + WINDOW };
      try {
        const next = await api.call('controls.list', { authorityId, asOf, offset, limit: WINDOW, filters, sort, language });
        if (ticket === latest.current) setWindow(next);
      } finally {
        if (ticket === latest.current) pending.current = null;
      }
    },
    [api, authorityId, asOf, filters, sort, language],
  );

  useEffect(() => {
    setWindow(null);
    fetchAt(0).catch((error: unknown) => notifyRef.current.error(error));
  }, [fetchAt]);

  /**
   * Called with the rows in view: asks for the next window ahead of the
   * scrolling, before the view reaches the held rows' edge, and not while a
   * request that covers the view is on its way (scrolling fast would otherwise
   * ask on every frame and drop every answer but the last).
   */
  const ensure = useCallback(
    (first: number, last: number) => {
      const current = held.current;
      if (!current) return;
      const down = first >= lastFirst.current;
      lastFirst.current = first;
      const matching = current.matching;
      /** Whether rows [offset, end) hold the view, with AHEAD rows to spare in the scrolling direction. */
      const holds = (offset: number, end: number) =>
        first >= offset && (last < end || end >= matching) && (down ? end >= matching || last + AHEAD < end : offset === 0 || first - AHEAD >= offset);
      if (holds(current.offset, current.offset + current.rows.length)) return;
      // A window on its way that holds the view will do: asking again would only drop its answer.
      const asked = pending.current;
      if (asked && first >= asked.offset && (last < asked.end || asked.end >= matching)) return;
      const offset = down ? first - BEHIND : last + BEHIND - WINDOW;
      fetchAt(Math.max(0, Math.min(offset, matching - WINDOW))).catch((error: unknown) => notifyRef.current.error(error));
    },
    [fetchAt],
  );

  /** After a change: the same window again, with the register as it now is. */
  const reload = useCallback(() => fetchAt(held.current?.offset ?? 0), [fetchAt]);

  /** Every matching row, page by page (for the CSV of the whole filtered register). */
  const all = useCallback(async () => {
    if (authorityId === null || asOf === null) return [];
    const rows = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await api.call('controls.list', { authorityId, asOf, offset, limit: 1000, filters, sort, language });
      rows.push(...page.rows);
      if (offset + 1000 >= page.matching) return rows;
    }
  }, [api, authorityId, asOf, filters, sort, language]);

  return { window, ensure, reload, all };
}
