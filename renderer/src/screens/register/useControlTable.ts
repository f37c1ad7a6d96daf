import { useEffect, useMemo, useState } from 'react';
import { getCoreRowModel, useReactTable, type SortingState, type VisibilityState } from '@tanstack/react-table';
import type { ControlListItem } from '../../../../shared/api/results.js';
import { CONTROL_SORT_COLUMNS, type ControlQuery } from '../../../../shared/register/control-query.js';
import { useControlColumns } from './columns.js';
import { storedVisibility, storeVisibility } from './register-model.js';

const EMPTY: ControlListItem[] = [];

/** The table's sorting as the server's query: one column, or the register's own order. */
export function sortQuery(sorting: SortingState): ControlQuery['sort'] {
  const first = sorting[0];
  if (!first || !(CONTROL_SORT_COLUMNS as readonly string[]).includes(first.id)) return null;
  return { column: first.id as (typeof CONTROL_SORT_COLUMNS)[number], descending: first.desc };
}

/**
 * The TanStack table of the register's window: headers, sorting state and
 * column visibility. Filtering and sorting happen on the server (the table is
 * in manual mode), so the table only lays out the rows it is given.
 */
export function useControlTable(rows: ControlListItem[] | null) {
  const columns = useControlColumns();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(storedVisibility);
  useEffect(() => storeVisibility(columnVisibility), [columnVisibility]);
  const sort = useMemo(() => sortQuery(sorting), [sorting]);
  const table = useReactTable({
    data: rows ?? EMPTY,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
    getRowId: (c) => String(c.id),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    sortDescFirst: false,
  });
  return { table, sort };
}
