import { useTranslation } from 'react-i18next';
import { todayIso } from '../../i18n/format.js';
import { DueTable } from './DueTable.js';
import { useDueList } from './useDueList.js';

const SHOWN = 5;

/** The Overview's due-list: the first few items as of today, and the way to the whole calendar. */
export function DueSummary() {
  const { t } = useTranslation('calendar');
  // Only the rows shown travel: at 10,000 controls the whole list is a megabyte.
  const { view } = useDueList(todayIso(), SHOWN);
  if (!view) return null;
  return (
    <section className="panel" aria-labelledby="due-summary-title" data-testid="due-summary">
      <h2 id="due-summary-title">{t('summaryTitle', { count: view.itemCount })}</h2>
      {view.itemCount === 0 ? <p>{t('nothing')}</p> : <DueTable items={view.items.slice(0, SHOWN)} caption={t('summaryTitle', { count: view.itemCount })} />}
      <p>
        <a href="#/calendar">{view.itemCount > SHOWN ? t('seeAll', { count: view.itemCount }) : t('openCalendar')}</a>
      </p>
    </section>
  );
}
