import { useTranslation } from 'react-i18next';
import { todayIso } from '../../i18n/format.js';
import { DueTable } from './DueTable.js';
import { useDueList } from './useDueList.js';

const SHOWN = 5;

/** The Overview's due-list: the first few items as of today, and the way to the whole calendar. */
export function DueSummary() {
  const { t } = useTranslation('calendar');
  const { view } = useDueList(todayIso());
  if (!view) return null;
  return (
    <section className="panel" aria-labelledby="due-summary-title" data-testid="due-summary">
      <h2 id="due-summary-title">{t('summaryTitle', { count: view.items.length })}</h2>
      {view.items.length === 0 ? <p>{t('nothing')}</p> : <DueTable items={view.items.slice(0, SHOWN)} caption={t('summaryTitle', { count: view.items.length })} />}
      <p>
        <a href="#/calendar">{view.items.length > SHOWN ? t('seeAll', { count: view.items.length }) : t('openCalendar')}</a>
      </p>
    </section>
  );
}
