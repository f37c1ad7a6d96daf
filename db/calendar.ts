import type { DueSources } from '../shared/calendar/due-list.js';
import { isIsoDate } from '../shared/domain/dates.js';
import { listActionsForAuthority } from './actions.js';
import { appendAudit } from './audit.js';
import { getAuthority } from './authorities.js';
import { RegisterError } from './errors.js';
import { inTransaction, type Register } from './register.js';
import { getSetting, setSetting } from './settings.js';
import { registerControls } from './snapshot.js';

/** The next re-assessment date is a register setting, one per authority (a consultant's register holds many). */
function settingKey(authorityUid: string): string {
  return `next-reassessment/${authorityUid}`;
}

export function nextReassessment(register: Register, authorityId: number): string | null {
  const value = getSetting(register, settingKey(getAuthority(register, authorityId).uid));
  return value && isIsoDate(value) ? value : null;
}

/** Unlike a UI preference, this date is part of the authority's plan, so it is audited. */
export function setNextReassessment(register: Register, authorityId: number, date: string | null): string | null {
  if (date !== null && !isIsoDate(date)) throw new RegisterError('invalid', `date: "${date}" is not a date written YYYY-MM-DD`);
  return inTransaction(register, () => {
    const authority = getAuthority(register, authorityId);
    const before = nextReassessment(register, authorityId);
    if (before === date) return date;
    if (date === null) register.db.prepare('DELETE FROM settings WHERE key = ?').run(settingKey(authority.uid));
    else setSetting(register, settingKey(authority.uid), date);
    appendAudit(register, { action: 'update', entity: 'setting', entityId: settingKey(authority.uid), field: 'nextReassessment', oldValue: before, newValue: date });
    return date;
  });
}

/** Everything the due list is computed from, read from the register as it stands. */
export function dueSources(register: Register, authorityId: number): DueSources {
  return {
    controls: registerControls(register, authorityId).map((c) => ({ uid: c.uid, title: c.title, lastReviewed: c.lastReviewed, evidence: c.evidence })),
    actions: listActionsForAuthority(register, authorityId),
    nextReassessment: nextReassessment(register, authorityId),
  };
}
