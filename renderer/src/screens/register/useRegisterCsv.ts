import { useTranslation } from 'react-i18next';
import type { Table } from '@tanstack/react-table';
import type { ControlListItem } from '../../../../shared/api/results.js';
import type { CsvCell } from '../../../../shared/report/csv.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { coveredStages } from './register-model.js';

/**
 * The register as its CSV: the visible columns, every filtered and sorted row,
 * with each cell's text as the table shows it. Built only when asked (on
 * click), since the register can hold thousands of controls.
 */
export function useRegisterCsv(table: Table<ControlListItem>, all: () => Promise<ControlListItem[]>) {
  const { t } = useTranslation('register');
  const { library } = useWorkspace();
  const lib = useLibraryText();
  const format = useFormat();

  function text(id: string, c: ControlListItem): CsvCell {
    switch (id) {
      case 'title':
        return c.title;
      case 'family': {
        const family = library.families.find((f) => f.id === c.family);
        return family ? lib.family(family) : c.family;
      }
      case 'owner':
        return c.owner;
      case 'maturity':
        return t(`common:maturity.${c.maturity}`);
      case 'effective':
        return t(`common:maturity.${c.status.effective}`);
      case 'lastReviewed':
        return c.lastReviewed ? format.date(c.lastReviewed) : t('never');
      case 'evidenceState':
        return t(`common:evidenceState.${c.status.evidenceState}`);
      case 'review':
        return c.status.reviewOverdue ? t('review.overdue') : t('review.current');
      case 'evidenceCount':
        return c.evidenceCount;
      case 'stages':
        return coveredStages(c, library)
          .map((id) => {
            const stage = library.stages.find((s) => s.id === id);
            return stage ? lib.stage(stage) : id;
          })
          .join(t('common:common.listSeparator'));
      default:
        return null;
    }
  }

  const columns = () => table.getVisibleLeafColumns().map((column) => column.id);
  return {
    headers: () => columns().map((id) => t(`columns.${id}`)),
    rows: async () => {
      const ids = columns();
      // The whole filtered register, fetched page by page: the table itself holds only a window.
      return (await all()).map((control) => ids.map((id) => text(id, control)));
    },
  };
}
