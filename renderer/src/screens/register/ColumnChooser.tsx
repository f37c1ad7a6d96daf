import { useTranslation } from 'react-i18next';
import type { Table } from '@tanstack/react-table';
import type { ControlListItem } from '../../../../shared/api/results.js';
import { HIDEABLE_COLUMNS } from './register-model.js';

/** Show or hide columns; the title column stays, since it is how a control is opened. */
export function ColumnChooser({ table }: { table: Table<ControlListItem> }) {
  const { t } = useTranslation('register');
  return (
    <details className="column-chooser">
      <summary>{t('columnsChooser.summary')}</summary>
      <fieldset>
        <legend>{t('columnsChooser.legend')}</legend>
        {HIDEABLE_COLUMNS.map((id) => {
          const column = table.getColumn(id);
          if (!column) return null;
          return (
            <label key={id} className="check">
              <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} /> {t(`columns.${id}`)}
            </label>
          );
        })}
        <button type="button" onClick={() => table.resetColumnVisibility(true)}>
          {t('columnsChooser.showAll')}
        </button>
      </fieldset>
    </details>
  );
}
