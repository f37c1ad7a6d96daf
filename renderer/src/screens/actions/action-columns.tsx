import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { ActionView } from '../../../../shared/api/results.js';
import { SEVERITIES, type Severity } from '../../../../shared/domain/vocabulary.js';
import { SeverityBadge } from '../../components/Badges.js';
import { useFormat } from '../../i18n/format.js';
import { OutcomeBadge } from './ActionDialog.js';

/** A row of the Actions view: the action and its flag's subject in the UI language. */
export interface ActionRow {
  action: ActionView;
  subject: string;
  overdue: boolean;
}

const column = createColumnHelper<ActionRow>();

/**
 * Stable column definitions: TanStack renders each cell function as a component,
 * so a new function per render would remount every cell (and lose focus).
 */
export function useActionColumns(onEdit: (row: ActionRow) => void) {
  const { t, i18n } = useTranslation('actions');
  const format = useFormat();
  return useMemo(
    () => [
      column.accessor((r) => SEVERITIES.indexOf(r.action.severity), {
        id: 'severity',
        header: t('columns.severity'),
        cell: (c) => <SeverityBadge severity={c.row.original.action.severity as Severity} />,
        filterFn: (row, _id, value: string) => row.original.action.severity === value,
      }),
      column.accessor((r) => r.subject, {
        id: 'subject',
        header: t('columns.flag'),
        cell: (c) => (
          <>
            <span className="muted small block">{t(`common:flagKind.${c.row.original.action.flagKind}`)}</span>
            {c.getValue()}
            {!c.row.original.action.flagRaised ? <span className="muted small block">{t('flagGone')}</span> : null}
          </>
        ),
      }),
      column.accessor((r) => r.action.title, { id: 'title', header: t('columns.title') }),
      column.accessor((r) => r.action.owner, {
        id: 'owner',
        header: t('columns.owner'),
        filterFn: (row, _id, value: string) => row.original.action.owner.toLocaleLowerCase().includes(value.toLocaleLowerCase()),
      }),
      column.accessor((r) => r.action.due ?? '9999', {
        id: 'due',
        header: t('columns.due'),
        cell: (c) =>
          c.row.original.action.due ? (
            <span className={c.row.original.overdue ? 'overdue' : undefined}>
              {format.date(c.row.original.action.due)}
              {c.row.original.overdue ? ` (${t('overdue')})` : ''}
            </span>
          ) : (
            '—'
          ),
        filterFn: (row, _id, value: boolean) => !value || row.original.overdue,
      }),
      column.accessor((r) => r.action.outcome, {
        id: 'outcome',
        header: t('columns.status'),
        cell: (c) => (
          <>
            <OutcomeBadge action={c.row.original.action} />
            {c.row.original.action.carriedFrom ? <span className="muted small block">{t('carried')}</span> : null}
          </>
        ),
        filterFn: (row, _id, value: string) => row.original.action.outcome === value,
      }),
      column.display({
        id: 'edit',
        header: () => <span className="visually-hidden">{t('columns.edit')}</span>,
        cell: (c) => (
          <button type="button" onClick={() => onEdit(c.row.original)} aria-label={t('editFor', { subject: c.row.original.subject })}>
            {t('edit')}
          </button>
        ),
      }),
    ],
    // format follows the language; its object is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language, onEdit],
  );
}
