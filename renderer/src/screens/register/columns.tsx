import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef, Row, RowData } from '@tanstack/react-table';
import type { ControlListItem } from '../../../../shared/api/results.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { coveredStages, EVIDENCE_STATES } from './register-model.js';
import { EvidenceStateMark, ReviewMark } from './StatusBadges.js';

export type ControlColumn = ColumnDef<ControlListItem, unknown>;

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The cell's content for one row, drawn without a TanStack cell (the register draws its rows itself). */
    render?: (row: TData) => ReactNode;
    /** The cell's tooltip, for text that may be cut short. */
    tooltip?: (row: TData) => string;
  }
}

/** A column whose cell is drawn from the control alone: the same content through TanStack or through the register's own rows. */
function drawn(def: ControlColumn, render: (c: ControlListItem) => ReactNode, tooltip?: (c: ControlListItem) => string): ControlColumn {
  return { ...def, cell: (c) => render(c.row.original), meta: { render, tooltip } };
}

/** `make` with its answers kept per argument. */
function remembered<K, V>(make: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (!known.has(key)) known.set(key, make(key));
    return known.get(key)!;
  };
}

const byLength = (a: Row<ControlListItem>, b: Row<ControlListItem>, id: string) => (a.getValue<string[]>(id).length - b.getValue<string[]>(id).length);
const byNullableText = (a: Row<ControlListItem>, b: Row<ControlListItem>, id: string) => {
  const x = a.getValue<string | null>(id) ?? '';
  const y = b.getValue<string | null>(id) ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The register table's columns. Every value shown is a field of the control
 * record or of the status the API computed with PI-1; nothing is re-derived here.
 */
export function useControlColumns(): ControlColumn[] {
  const { t, i18n } = useTranslation('register');
  const { library } = useWorkspace();
  const lib = useLibraryText();
  const format = useFormat();
  const language = i18n.language;
  return useMemo<ControlColumn[]>(() => {
    const familyName = new Map(library.families.map((f) => [f.id, lib.family(f)]));
    const stageName = new Map(library.stages.map((s) => [s.id, lib.stage(s)]));
    const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
    // Each label is looked up once per language, not once per row drawn: a fast scroll draws a screenful every frame.
    const label = remembered((key: string) => t(key));
    const stagesCount = remembered((count: number) => t('stagesCount', { count, total: library.stages.length }));
    const date = remembered((iso: string) => format.date(iso));
    const count = remembered((n: number) => format.count(n));
    const byText = (a: Row<ControlListItem>, b: Row<ControlListItem>, id: string) => collator.compare(a.getValue<string>(id), b.getValue<string>(id));
    const familyOf = (c: ControlListItem) => familyName.get(c.family) ?? c.family;
    const stagesCell = (c: ControlListItem) => {
      const stages = coveredStages(c, library);
      return (
        <span title={`${stages.map((s) => stageName.get(s) ?? s).join(', ')}${c.stages === null ? ` (${label('familyDefault')})` : ''}`}>
          {stagesCount(stages.length)}
        </span>
      );
    };
    return [
      drawn({ id: 'title', accessorKey: 'title', header: t('columns.title'), size: 200, sortingFn: byText, enableHiding: false }, (c) => c.title),
      drawn(
        {
          id: 'family',
          accessorFn: familyOf,
          header: t('columns.family'),
          size: 130,
          sortingFn: byText,
          filterFn: (row, _id, value: string) => row.original.family === value,
        },
        familyOf,
        familyOf,
      ),
      drawn({ id: 'owner', accessorKey: 'owner', header: t('columns.owner'), size: 115, sortingFn: byText }, (c) => c.owner || '—', (c) => c.owner),
      drawn(
        {
          id: 'maturity',
          accessorKey: 'maturity',
          header: t('columns.maturity'),
          size: 125,
          filterFn: (row, _id, value: string) => String(row.original.maturity) === value,
        },
        (c) => label(`common:maturity.${c.maturity}`),
      ),
      drawn({ id: 'effective', accessorFn: (c) => c.status.effective, header: t('columns.effective'), size: 125 }, (c) => label(`common:maturity.${c.status.effective}`)),
      drawn({ id: 'lastReviewed', accessorKey: 'lastReviewed', header: t('columns.lastReviewed'), size: 115, sortingFn: byNullableText }, (c) =>
        c.lastReviewed ? date(c.lastReviewed) : label('never'),
      ),
      drawn(
        {
          id: 'evidenceState',
          accessorFn: (c) => EVIDENCE_STATES.indexOf(c.status.evidenceState),
          header: t('columns.evidenceState'),
          size: 180,
          filterFn: (row, _id, value: string) => row.original.status.evidenceState === value,
        },
        // The word is looked up here, once per language, not by a translation hook in every cell.
        (c) => <EvidenceStateMark state={c.status.evidenceState} label={label(`common:evidenceState.${c.status.evidenceState}`)} />,
      ),
      drawn(
        {
          id: 'review',
          accessorFn: (c) => (c.status.reviewOverdue ? 0 : 1),
          header: t('columns.review'),
          size: 135,
          filterFn: (row, _id, value: string) => row.original.status.reviewOverdue === (value === 'overdue'),
        },
        (c) => <ReviewMark overdue={c.status.reviewOverdue} label={label(c.status.reviewOverdue ? 'review.overdue' : 'review.current')} />,
      ),
      drawn({ id: 'evidenceCount', accessorKey: 'evidenceCount', header: t('columns.evidenceCount'), size: 95 }, (c) => count(c.evidenceCount)),
      drawn({ id: 'stages', accessorFn: (c) => coveredStages(c, library), header: t('columns.stages'), size: 100, sortingFn: byLength, filterFn: 'arrIncludes' }, stagesCell),
    ];
    // lib and format follow the language; rebuilding on it is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [library, language, t]);
}
