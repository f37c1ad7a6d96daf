import { useEffect, useRef, useState } from 'react';
import type { ControlListItem } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';

/** How many controls a picker lists at once: a whole ordinary register, a searched slice of a large one. */
export const CHOICES_LIMIT = 1000;
/** Typing pauses this long before the server is asked again. */
const SEARCH_DELAY_MS = 250;

export interface ControlChoices {
  /** The controls matching `search`, by title; null while the first answer is awaited. */
  rows: ControlListItem[] | null;
  /** How many match; more than `rows.length` when the list was cut at CHOICES_LIMIT. */
  matching: number;
  /** Whether the first, unsearched answer held every control of the authority (then no search is needed). */
  complete: boolean;
  search: string;
  setSearch: (text: string) => void;
  /** The title of every control seen so far, by uid (to name linked controls outside the current list). */
  titles: ReadonlyMap<string, string>;
}

/**
 * The controls a form offers to pick from, searched on the server: a register
 * of 10,000 controls lists the first thousand by title and finds the rest by
 * their title, owner, description or family.
 */
export function useControlChoices(authorityId: number | null, asOf: string | null, onError?: (error: unknown) => void): ControlChoices {
  const api = useApi();
  const [rows, setRows] = useState<ControlListItem[] | null>(null);
  const [matching, setMatching] = useState(0);
  const [complete, setComplete] = useState(false);
  const [search, setSearch] = useState('');
  const titles = useRef(new Map<string, string>());
  const errorRef = useRef(onError);
  errorRef.current = onError;

  useEffect(() => {
    if (authorityId === null || asOf === null) return;
    let current = true;
    const timer = setTimeout(
      () => {
        api
          .call('controls.list', { authorityId, asOf, limit: CHOICES_LIMIT, sort: { column: 'title', descending: false }, filters: { search } })
          .then((page) => {
            if (!current) return;
            for (const c of page.rows) titles.current.set(c.uid, c.title);
            setRows(page.rows);
            setMatching(page.matching);
            if (!search) setComplete(page.rows.length === page.total);
          }, (error: unknown) => errorRef.current?.(error));
      },
      search ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, authorityId, asOf, search]);

  return { rows, matching, complete, search, setSearch, titles: titles.current };
}
