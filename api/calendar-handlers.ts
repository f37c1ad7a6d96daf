import { DUE_HORIZON_DAYS, dueList } from '../shared/calendar/due-list.js';
import type { CalendarView } from '../shared/api/results.js';
import { getAuthority } from '../db/authorities.js';
import { dueSources, setNextReassessment } from '../db/calendar.js';
import type { Register } from '../db/register.js';
import type { Handlers } from './handler-types.js';
import { registerStamp } from './scoring-cache.js';

/**
 * The last due list per register, by register state, authority and date: the
 * Overview asks for it on every visit, and at 10,000 controls reading every
 * control and evidence item again took most of a second.
 */
const lastViews = new WeakMap<Register, { key: string; view: CalendarView }>();

function calendarView(register: Register, authorityId: number, today: string): CalendarView {
  const key = `${registerStamp(register)}|${authorityId}|${today}`;
  const hit = lastViews.get(register);
  if (hit && hit.key === key) return hit.view;
  const authority = getAuthority(register, authorityId);
  const sources = dueSources(register, authorityId);
  const items = dueList(sources, today);
  const view = { authorityUid: authority.uid, today, horizonDays: DUE_HORIZON_DAYS, nextReassessment: sources.nextReassessment, items, itemCount: items.length };
  lastViews.set(register, { key, view });
  return view;
}

export const calendarHandlers: Handlers<'calendar.get' | 'calendar.setNextReassessment'> = {
  'calendar.get': (register, input) => {
    const view = calendarView(register, input.authorityId, input.today);
    return input.limit === undefined ? view : { ...view, items: view.items.slice(0, input.limit) };
  },
  'calendar.setNextReassessment': (register, input) => ({ nextReassessment: setNextReassessment(register, input.authorityId, input.date) }),
};
