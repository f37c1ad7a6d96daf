import { FilterSelect } from '../../components/FilterSelect.js';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type ColumnFiltersState, type SortingState } from '@tanstack/react-table';
import { flagKey, type ActionOutcome } from '../../../../shared/actions/actions.js';
import { SEVERITIES } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { StatusBadge } from '../../components/Badges.js';
import { useFlagText } from '../../i18n/flag-text.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { ActionDialog } from './ActionDialog.js';
import { useActionColumns, type ActionRow } from './action-columns.js';
import { useActions } from './useActions.js';
import '../../styles/actions.css';

const OUTCOMES: ActionOutcome[] = ['open', 'in-progress', 'done-awaiting-rescore', 'done-gap-closed', 'done-gap-remains', 'accepted-risk'];

/**
 * The action plan of the selected assessment: who does what about which flag
 * by when, and whether the next scoring shows the gap closed. A TanStack
 * table with filters; actions are made from flags on Gaps.
 */
export function ActionsScreen() {
  const { t } = useTranslation('actions');
  const w = useWorkspace();
  const format = useFormat();
  // The subject function is memoised per language; the object around it is not.
  const subjectOf = useFlagText().subject;
  const { actions } = useActions();
  const ids = { owner: useId(), overdue: useId() };
  const [filters, setFilters] = useState({ status: '', severity: '', owner: '', overdue: false });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'severity', desc: false }]);
  const [editing, setEditing] = useState<ActionRow | null>(null);
  const onEdit = useCallback((row: ActionRow) => setEditing(row), []);
  const columns = useActionColumns(onEdit);
  const today = todayIso();

  const rows = useMemo<ActionRow[]>(() => {
    const flags = new Map((w.detail?.result.flags ?? []).map((f) => [flagKey(f), f]));
    return (actions ?? []).map((action) => {
      const flag = flags.get(action.flagKey);
      return { action, subject: flag ? subjectOf(flag) : action.subjectLabel, overdue: action.due !== null && action.due < today && (action.status === 'open' || action.status === 'in-progress') };
    });
  }, [actions, w.detail, subjectOf, today]);
  const columnFilters = useMemo<ColumnFiltersState>(
    () =>
      [
        filters.status && { id: 'outcome', value: filters.status },
        filters.severity && { id: 'severity', value: filters.severity },
        filters.owner.trim() && { id: 'owner', value: filters.owner.trim() },
        filters.overdue && { id: 'due', value: true },
      ].filter(Boolean) as ColumnFiltersState,
    [filters],
  );
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    getRowId: (r) => r.action.uid,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    // No pagination: a reset queued on every data change would only re-render.
    autoResetPageIndex: false,
  });

  if (!w.detail) return <h1>{t('title')}</h1>;
  const { assessment } = w.detail;
  const shown = table.getRowModel().rows;
  const set = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        {assessment.title} · {t('common:common.asOf', { date: format.date(assessment.asOf) })} · <StatusBadge status={assessment.status} />
      </p>
      <p className="muted">{t('intro')}</p>
      <div className="toolbar" role="search" aria-label={t('filters.label')}>
        <FilterSelect label={t('filters.status')} all={t('filters.allStatuses')} value={filters.status} choices={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} onChange={(status) => set({ status })} />
        <FilterSelect
          label={t('filters.severity')}
          all={t('filters.allSeverities')}
          value={filters.severity}
          choices={SEVERITIES.map((s) => ({ value: s, label: t(`common:severity.${s}`) }))}
          onChange={(severity) => set({ severity })}
        />
        <div className="filter-field">
          <label htmlFor={ids.owner}>{t('filters.owner')}</label>
          <input id={ids.owner} type="search" value={filters.owner} onChange={(e) => set({ owner: e.target.value })} />
        </div>
        <label htmlFor={ids.overdue} className="check">
          <input id={ids.overdue} type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
          {t('filters.overdue')}
        </label>
      </div>
      <p aria-live="polite" data-testid="actions-shown">
        {t('shown', { count: shown.length, total: rows.length })}
      </p>
      {actions !== null && rows.length === 0 ? (
        <p>
          {t('empty')} <a href="#/gaps">{t('goToGaps')}</a>
        </p>
      ) : (
        <div className="actions-scroll" role="region" aria-label={t('tableLabel')} tabIndex={0}>
          <table className="actions-table">
            <caption className="visually-hidden">{t('tableLabel')}</caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                        {header.column.getCanSort() ? (
                          <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                            {flexRender(header.column.columnDef.header, header.getContext())}
                            <span aria-hidden="true" className="sort-mark">
                              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                            </span>
                          </button>
                        ) : (
                          flexRender(header.column.columnDef.header, header.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? <ActionDialog open onClose={() => setEditing(null)} subject={editing.subject} action={editing.action} /> : null}
    </>
  );
}
