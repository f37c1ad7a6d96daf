import { describe, expect, it } from 'vitest';
import { createAction } from '../../db/actions.js';
import { listAudit } from '../../db/audit.js';
import { nextReassessment, setNextReassessment } from '../../db/calendar.js';
import { RegisterError } from '../../db/errors.js';
import { scoreAssessment } from '../../db/snapshot.js';
import { dispatch } from '../../api/dispatch.js';
import { flagKey } from '../../shared/actions/actions.js';
import type { CalendarView } from '../../shared/api/results.js';
import { seedAuthority } from '../helpers/register-fixtures.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const ENV = { transport: 'browser' as const, version: 'test' };

describe('calendar of what falls due', () => {
  it('keeps the next re-assessment date per authority as an audited register setting', () => {
    const register = temp.open();
    const one = seedAuthority(register, 'One');
    const two = seedAuthority(register, 'Two');
    setNextReassessment(register, one.authority.id, '2027-10-31');
    expect(nextReassessment(register, one.authority.id)).toBe('2027-10-31');
    expect(nextReassessment(register, two.authority.id)).toBeNull();
    setNextReassessment(register, one.authority.id, '2027-10-31');
    setNextReassessment(register, one.authority.id, null);
    expect(nextReassessment(register, one.authority.id)).toBeNull();
    expect(listAudit(register, { entity: 'setting' }).map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ['nextReassessment', 'null', '"2027-10-31"'],
      ['nextReassessment', '"2027-10-31"', 'null'],
    ]);
    expect(() => setNextReassessment(register, one.authority.id, '2027-02-29')).toThrow(RegisterError);
  });

  it('answers the due list of an authority for the date passed in', async () => {
    const register = temp.open();
    const { authority, assessment } = seedAuthority(register);
    const key = flagKey(scoreAssessment(register, assessment.id).flags[0]!);
    createAction(register, assessment.id, key, { title: 'Do it', owner: 'HR', due: '2026-12-20' });
    setNextReassessment(register, authority.id, '2027-01-10');
    const answer = await dispatch(register, ENV, 'calendar.get', { authorityId: authority.id, today: '2026-11-28' });
    if (!answer.ok) throw new Error(answer.error.message);
    const view = answer.value as CalendarView;
    expect(view).toMatchObject({ authorityUid: authority.uid, today: '2026-11-28', horizonDays: 60, nextReassessment: '2027-01-10' });
    // Seeded: asset declarations never reviewed; code of conduct reviewed 2026-01-15 (due 2027-01-15); training evidence expires 2027-04-20 (out of range).
    expect(view.items.map((i) => [i.kind, i.title, i.due])).toEqual([
      ['review', 'Asset declarations', null],
      ['action', 'Do it', '2026-12-20'],
      ['reassessment', '', '2027-01-10'],
      ['review', 'Code of conduct', '2027-01-15'],
    ]);
    const bad = await dispatch(register, ENV, 'calendar.get', { authorityId: authority.id, today: '28/11/2026' });
    expect(bad.ok ? '' : bad.error.message).toMatch(/today: must be a date written YYYY-MM-DD/);
  });
});
