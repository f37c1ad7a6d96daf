/** The first run's choices on a real register, and the small faults fixed alongside (natural order, future reviews, language not audited). */
import { describe, expect, it } from 'vitest';
import { dispatchSync } from '../../api/dispatch.js';
import { listAudit } from '../../db/audit.js';
import { createControl, listControls, updateControl } from '../../db/controls.js';
import { openUserRegister } from '../../db/user-register.js';
import { closeRegister } from '../../db/register.js';
import { naturalCompare } from '../../shared/domain/compare.js';
import { seedAuthority } from '../helpers/register-fixtures.js';
import { dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };

function ok<T>(result: ReturnType<typeof dispatchSync>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('first run', () => {
  it('a new user register stays empty (the app offers the choice); the terminal summary asks for the demo', () => {
    const file = temp.path();
    const said: string[] = [];
    const register = openUserRegister(file, (s) => said.push(s));
    expect(register.db.prepare('SELECT count(*) AS n FROM authorities').get()).toEqual({ n: 0 });
    expect(said[0]).toContain('the app opens to the first-run choice');
    closeRegister(register);
    const again = openUserRegister(file, () => {}, { demoWhenEmpty: true });
    expect(again.db.prepare('SELECT count(*) AS n FROM authorities').get()).toEqual({ n: 1 });
    closeRegister(again);
  });

  it('"explore the demo" loads it once; a second time is refused', () => {
    const register = temp.open();
    expect(ok<{ name: string }>(dispatchSync(register, env, 'register.loadDemo', {})).name).toMatch(/demo/);
    expect(dispatchSync(register, env, 'register.loadDemo', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('the guided set-up writes the authority, the actor, a control per described core family and the first draft, audited', () => {
    const register = temp.open();
    const result = ok<{ authority: { id: number }; controls: unknown[]; assessment: { asOf: string; status: string } }>(
      dispatchSync(register, env, 'register.setup', {
        authority: { name: 'Autoridad de Prueba', country: 'Testland' },
        users: ['Ana Ruiz', 'Luis Gómez'],
        asOf: '2026-10-31',
        assessmentTitle: 'Autoevaluación 2026',
        controls: [
          { family: 'vetting', title: 'Verificación de antecedentes', owner: 'RR. HH.', maturity: 2 },
          { family: 'e_permitting', title: 'Permisos electrónicos', maturity: 3 },
        ],
      }),
    );
    expect(result.controls).toHaveLength(2);
    expect(result.assessment).toMatchObject({ asOf: '2026-10-31', status: 'draft' });
    const audit = listAudit(register);
    expect(audit.every((row) => row.actor === 'Ana Ruiz')).toBe(true);
    expect(audit.map((row) => `${row.action} ${row.entity}`)).toEqual(['update setting', 'create authority', 'create control', 'create control', 'create assessment']);
  });

  it('refuses a set-up with a non-core family or no people, naming the field, and writes nothing', () => {
    const register = temp.open();
    const before = dumpTables(register.db);
    const base = { authority: { name: 'X' }, users: ['A'], asOf: '2026-10-31', assessmentTitle: 'T', controls: [] };
    expect(dispatchSync(register, env, 'register.setup', { ...base, controls: [{ family: 'rotation', title: 'R', maturity: 1 }] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('controls[0].family: "rotation" is not a core family') },
    });
    expect(dispatchSync(register, env, 'register.setup', { ...base, users: [] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('users') } });
    expect(dumpTables(register.db)).toEqual(before);
  });
});

describe('small faults', () => {
  it('orders control titles naturally: Control 3 < Control 307 < Control 3026', () => {
    expect(['Control 3026', 'Control 307', 'control 3', 'Control 20'].sort(naturalCompare)).toEqual(['control 3', 'Control 20', 'Control 307', 'Control 3026']);
    const register = temp.open();
    const { authority } = seedAuthority(register);
    for (const title of ['Control 3026', 'Control 307', 'Control 3']) createControl(register, authority.id, { family: 'rotation', title, maturity: 1 });
    expect(listControls(register, authority.id).filter((c) => c.family === 'rotation').map((c) => c.title)).toEqual(['Control 3', 'Control 307', 'Control 3026']);
  });

  it('refuses a "last reviewed" date after today (the register clock is 2026-11-01)', () => {
    const register = temp.open();
    const { controls } = seedAuthority(register);
    expect(() => updateControl(register, controls[0]!.id, { ...controls[0]!, lastReviewed: '2026-11-02' })).toThrow('lastReviewed: 2026-11-02 is in the future (today is 2026-11-01)');
    expect(updateControl(register, controls[0]!.id, { ...controls[0]!, lastReviewed: '2026-11-01' }).lastReviewed).toBe('2026-11-01');
  });

  it('records a change of actor in the audit log but not a change of UI language', () => {
    const register = temp.open();
    ok(dispatchSync(register, env, 'settings.set', { language: 'fr' }));
    expect(listAudit(register)).toHaveLength(0);
    ok(dispatchSync(register, env, 'settings.set', { actor: 'Marie' }));
    expect(listAudit(register).map((r) => r.field)).toEqual(['actor']);
  });
});
