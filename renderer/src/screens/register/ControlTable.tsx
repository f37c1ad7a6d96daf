import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { flexRender, type Column, type Header, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ControlListItem } from '../../../../shared/api/results.js';

/** Fixed row height (px), matched by .register-table tbody tr in register.css. */
const ROW_HEIGHT = 40;
const NUMERIC = new Set(['evidenceCount']);

/** A column header; `sorted` is passed in so that the memo sees a change of sort (the header object stays the same). */
const SortHeader = memo(function SortHeader({ header, sorted }: { header: Header<ControlListItem, unknown>; sorted: false | 'asc' | 'desc' }) {
  const { t } = useTranslation('register');
  const label = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} className={NUMERIC.has(header.column.id) ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} title={t('table.sortHint')}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
});

interface RowProps {
  control: ControlListItem;
  index: number;
  /** The visible columns (a new array when they or their definitions change, e.g. with the language). */
  columns: Column<ControlListItem, unknown>[];
  onOpen: (control: ControlListItem) => void;
  onRowKey: (event: KeyboardEvent<HTMLButtonElement>, index: number) => void;
}

/**
 * One control's row, drawn from the control and the columns' own renderers
 * (no TanStack cell objects: a fast scroll draws a screenful of rows every
 * frame). Memoised: while the register scrolls, the rows already drawn are
 * left alone and only those coming into view are rendered.
 */
const ControlRow = memo(function ControlRow({ control, index, columns, onOpen, onRowKey }: RowProps) {
  return (
    <tr aria-rowindex={index + 2} className="control-row" onClick={() => onOpen(control)}>
      {columns.map((column) =>
        column.id === 'title' ? (
          <td key={column.id}>
            <button
              type="button"
              className="row-open"
              title={control.title}
              data-row-index={index}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(control);
              }}
              onKeyDown={(e) => onRowKey(e, index)}
            >
              {control.title}
            </button>
          </td>
        ) : (
          <td key={column.id} className={NUMERIC.has(column.id) ? 'num' : undefined} title={column.columnDef.meta?.tooltip?.(control)}>
            {column.columnDef.meta?.render?.(control)}
          </td>
        ),
      )}
    </tr>
  );
});

const LoadingRow = memo(function LoadingRow({ index, span, label }: { index: number; span: number; label: string }) {
  return (
    <tr aria-rowindex={index + 2} className="control-row loading-row">
      <td colSpan={span} className="muted">
        {label}
      </td>
    </tr>
  );
});

interface Props {
  table: Table<ControlListItem>;
  /** Controls in the register, and those that pass the filters (the rows the table scrolls through). */
  total: number;
  matching: number;
  /** Index of the table's first row within the matching rows: the table holds one window of them. */
  offset: number;
  /** Told which rows are in view, so the window can follow the scrolling. */
  onRange: (first: number, last: number) => void;
  onOpen: (control: ControlListItem) => void;
}

/**
 * The register as a virtualised table: only the rows in view (plus a margin)
 * are in the DOM, between two spacer rows, and only a window around them is
 * held at all; rows outside it show as loading until the window arrives.
 */
export function ControlTable({ table, total, matching, offset, onRange, onOpen }: Props) {
  const { t } = useTranslation('register');
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(ROW_HEIGHT);
  // The window's controls as the server sent them (filtered and sorted there): rows are drawn from them directly.
  const rows = table.options.data;
  const rowAt = (index: number): ControlListItem | undefined => rows[index - offset];
  const columns = table.getVisibleLeafColumns();

  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const measure = () => setHeadHeight(head.getBoundingClientRect().height);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({
    count: matching,
    // Scrolling updates need not be synchronous with React: no flushSync on every scroll event.
    useFlushSync: false,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the view: at scrolling speed rows pass faster than any margin could hold, and each extra row costs layout and paint on every frame.
    overscan: 2,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
  });
  const items = virtualizer.getVirtualItems();
  const top = items.length ? items[0]!.start - headHeight : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => onRange(first, last), [first, last, onRange]);

  /**
   * The row focus is on its way to, while it is not drawn yet: key presses
   * that arrive meanwhile still reach the button focused before, and must
   * count from where the reader is going, not from where focus still is.
   */
  const focusTarget = useRef<number | null>(null);

  /** Arrow keys move between rows' title buttons, scrolling rows not yet rendered into view. */
  function rowKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const from = focusTarget.current ?? index;
    const target = event.key === 'ArrowDown' ? from + 1 : event.key === 'ArrowUp' ? from - 1 : event.key === 'Home' && event.ctrlKey ? 0 : event.key === 'End' && event.ctrlKey ? matching - 1 : null;
    if (target === null) return;
    event.preventDefault();
    if (target < 0 || target >= matching) return;
    focusTarget.current = target;
    // A jump to the first or last row removes the focused row from the page while it scrolls, and
    // Chrome then moved the view back by rows: the table region holds the focus meanwhile. (Arrow
    // keys keep it on the rows, so that quick presses still reach this handler.)
    if (Math.abs(target - from) > 1) scrollRef.current?.focus({ preventScroll: true });
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // Usually already rendered (overscan): focus at once, so quick key repeats keep up.
    let tries = 0;
    const focus = () => {
      if (focusTarget.current !== target) return; // a later key press has taken over
      const button = scrollRef.current?.querySelector<HTMLButtonElement>(`button[data-row-index="${target}"]`);
      if (button) {
        button.focus({ preventScroll: true });
        focusTarget.current = null;
      }
      // A row outside the held window appears once its window has arrived.
      else if (tries++ < 60) requestAnimationFrame(focus);
      else focusTarget.current = null;
    };
    focus();
  }
  // One handler for every row, whatever it closes over, so the memoised rows need not re-render.
  const rowKeyRef = useRef(rowKey);
  rowKeyRef.current = rowKey;
  const onRowKey = useCallback((event: KeyboardEvent<HTMLButtonElement>, index: number) => rowKeyRef.current(event, index), []);
  const loading = t('common:common.loading');

  return (
    <div ref={scrollRef} className="register-scroll" role="region" aria-label={t('table.region')} tabIndex={0}>
      <table className="register-table" aria-rowcount={matching + 1} style={{ minWidth: table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0) }}>
        <caption className="visually-hidden">{t('table.caption', { shown: matching, total })}</caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <SortHeader key={header.id} header={header} sorted={header.column.getIsSorted()} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const control = rowAt(item.index);
            return control ? (
              <ControlRow key={control.id} control={control} index={item.index} columns={columns} onOpen={onOpen} onRowKey={onRowKey} />
            ) : (
              <LoadingRow key={`loading-${item.index}`} index={item.index} span={columns.length} label={loading} />
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: bottom }} />
            </tr>
          ) : null}
          {matching === 0 ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {total === 0 ? t('table.empty') : t('table.noMatch')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
