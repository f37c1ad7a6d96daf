import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../../shared/calendar/due-list.js';
import { useFormat } from '../../i18n/format.js';

/** What an item is, in the UI language: "Review of <control>", "<evidence> expires", … */
export function useDueWords() {
  const { t } = useTranslation('calendar');
  return {
    what: (item: DueItem) => t(`what.${item.kind}`, { title: item.title, detail: item.detail }),
    when: (item: DueItem) =>
      item.days === null ? t('when.now') : item.days < 0 ? t('when.overdue', { count: -item.days }) : item.days === 0 ? t('when.today') : t('when.in', { count: item.days }),
  };
}

/** The due list as a table: date, what, and how far off. */
export function DueTable({ items, caption }: { items: DueItem[]; caption: string }) {
  const { t } = useTranslation('calendar');
  const format = useFormat();
  const words = useDueWords();
  return (
    <table className="due-table" data-testid="due-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.due')}</th>
          <th scope="col">{t('columns.kind')}</th>
          <th scope="col">{t('columns.what')}</th>
          <th scope="col">{t('columns.when')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key}>
            <td>{item.due ? format.date(item.due) : '—'}</td>
            <td>{t(`kind.${item.kind}`)}</td>
            <td>{words.what(item)}</td>
            <td className={item.overdue ? 'due-overdue' : undefined}>{words.when(item)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
