import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type ColumnFiltersState, type SortingState, type VisibilityState } from '@tanstack/react-table';
import type { ControlListItem } from '../../../../shared/api/results.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { useControlColumns } from './columns.js';
import { storedVisibility, storeVisibility, type RegisterFilters } from './register-model.js';

const EMPTY: ControlListItem[] = [];

/** The TanStack table of the register: sorting, the filter bar as column filters, text search, column visibility. */
export function useControlTable(controls: ControlListItem[] | null, filters: RegisterFilters) {
  const { i18n } = useTranslation();
  const { library } = useWorkspace();
  const lib = useLibraryText();
  const columns = useControlColumns();
  // TanStack caches each row's accessor values with the row: a fresh array per language
  // makes translated values (the family's name) and their sort order follow the language.
  const language = i18n.language;
  const data = useMemo(() => (controls ? controls.slice() : EMPTY), [controls, language]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(storedVisibility);
  useEffect(() => storeVisibility(columnVisibility), [columnVisibility]);

  // Typing stays responsive at 10,000 rows: the search applies a beat later if the page is busy.
  const search = useDeferredValue(filters.search.trim().toLocaleLowerCase());
  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const list: ColumnFiltersState = [];
    if (filters.family) list.push({ id: 'family', value: filters.family });
    if (filters.stage) list.push({ id: 'stages', value: filters.stage });
    if (filters.maturity) list.push({ id: 'maturity', value: filters.maturity });
    if (filters.review) list.push({ id: 'review', value: filters.review });
    if (filters.evidence) list.push({ id: 'evidenceState', value: filters.evidence });
    return list;
  }, [filters.family, filters.stage, filters.maturity, filters.review, filters.evidence]);

  /** What the search looks in: title, owner, description and the family's name in the UI language. */
  const haystack = useMemo(() => {
    const familyName = new Map(library.families.map((f) => [f.id, lib.family(f)]));
    return new Map(data.map((c) => [c.id, `${c.title}\n${c.owner}\n${c.description}\n${familyName.get(c.family) ?? c.family}`.toLocaleLowerCase()]));
    // data is renewed with the language, and lib follows the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, library]);

  return useReactTable({
    data,
    columns,
    state: { sorting, columnFilters, globalFilter: search, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
    getRowId: (c) => String(c.id),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    // One haystack per row, checked once (through the title column) rather than once per column.
    getColumnCanGlobalFilter: (column) => column.id === 'title',
    globalFilterFn: (row, _columnId, value: string) => haystack.get(row.original.id)?.includes(value) ?? false,
    sortDescFirst: false,
    autoResetPageIndex: false,
  });
}
