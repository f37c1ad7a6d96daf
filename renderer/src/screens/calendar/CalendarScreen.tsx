import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildIcs } from '../../../../shared/calendar/ics.js';
import { isIsoDate } from '../../../../shared/domain/dates.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { saveBlob } from '../../components/download.js';
import { todayIso } from '../../i18n/format.js';
import { DueTable, useDueWords } from './DueTable.js';
import { useDueList } from './useDueList.js';
import '../../styles/actions.css';

/**
 * What falls due for the authority: reviews, expiring evidence, actions and
 * the next re-assessment, from a reference date the user can move; exported
 * as an iCalendar file for their own calendar.
 */
export function CalendarScreen() {
  const { t } = useTranslation('calendar');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const words = useDueWords();
  const ids = { today: useId(), next: useId(), nextHint: useId() };
  const [today, setToday] = useState(todayIso);
  const { view, reload } = useDueList(today);
  const [next, setNext] = useState('');
  useEffect(() => setNext(view?.nextReassessment ?? ''), [view?.nextReassessment]);

  async function saveNext(date: string | null) {
    if (!w.authority) return;
    try {
      await api.call('calendar.setNextReassessment', { authorityId: w.authority.id, date });
      await reload();
      notify.success(t('nextSaved'));
    } catch (error) {
      notify.error(error);
    }
  }

  function exportIcs() {
    if (!view || !w.authority) return;
    const events = view.items.map((item) => ({
      uid: `${item.key}/${view.authorityUid}@permit-integrity`,
      date: item.due ?? view.today,
      summary: words.what(item),
      description: `${w.authority!.name} · ${t(`kind.${item.kind}`)}`,
    }));
    const ics = buildIcs(events, { dtstamp: new Date().toISOString(), calendarName: t('icsName', { authority: w.authority.name }) });
    saveBlob(`${w.authority.name} ${view.today} due.ics`, new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { days: view?.horizonDays ?? 60 })}</p>
      <section className="panel calendar-settings" aria-label={t('settings')}>
        <div className="field">
          <label htmlFor={ids.today}>{t('today')}</label>
          <input id={ids.today} type="date" value={today} onChange={(e) => setToday(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.next}>{t('next')}</label>
          <input id={ids.next} type="date" value={next} aria-describedby={ids.nextHint} onChange={(e) => setNext(e.target.value)} />
          <span className="hint" id={ids.nextHint}>
            {t('nextHint')}
          </span>
        </div>
        <button type="button" disabled={!isIsoDate(next) || next === view?.nextReassessment} onClick={() => void saveNext(next)}>
          {t('saveNext')}
        </button>
        <button type="button" disabled={!view?.nextReassessment} onClick={() => void saveNext(null)}>
          {t('clearNext')}
        </button>
      </section>
      <section className="panel" aria-labelledby={`${ids.today}-list`}>
        <h2 id={`${ids.today}-list`}>{t('listTitle', { count: view?.items.length ?? 0 })}</h2>
        <button type="button" onClick={exportIcs} disabled={!view?.items.length}>
          {t('exportIcs')}
        </button>
        {view && view.items.length === 0 ? <p>{t('nothing')}</p> : null}
        {view && view.items.length > 0 ? <DueTable items={view.items} caption={t('listTitle', { count: view.items.length })} /> : null}
      </section>
    </>
  );
}
