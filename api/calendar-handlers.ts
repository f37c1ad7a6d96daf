import { DUE_HORIZON_DAYS, dueList } from '../shared/calendar/due-list.js';
import { getAuthority } from '../db/authorities.js';
import { dueSources, setNextReassessment } from '../db/calendar.js';
import type { Handlers } from './handler-types.js';

export const calendarHandlers: Handlers<'calendar.get' | 'calendar.setNextReassessment'> = {
  'calendar.get': (register, input) => {
    const authority = getAuthority(register, input.authorityId);
    const sources = dueSources(register, input.authorityId);
    return {
      authorityUid: authority.uid,
      today: input.today,
      horizonDays: DUE_HORIZON_DAYS,
      nextReassessment: sources.nextReassessment,
      items: dueList(sources, input.today),
    };
  },
  'calendar.setNextReassessment': (register, input) => ({ nextReassessment: setNextReassessment(register, input.authorityId, input.date) }),
};
