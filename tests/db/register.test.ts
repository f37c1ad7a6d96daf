import { describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit.js';
import { createAuthority, findAuthorityByUid, getAuthority, listAuthorities, updateAuthority } from '../../db/authorities.js';
import { createControl, deleteControl, getControl, listControls, updateControl } from '../../db/controls.js';
import { RegisterError } from '../../db/errors.js';
import { addEvidence } from '../../db/evidence.js';
import type { Register } from '../../db/register.js';
import { DEFAULT_ACTOR, getSetting, setSetting } from '../../db/settings.js';
import { FIXED_NOW, dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();

function refusal(work: () => unknown): RegisterError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterError);
    return error as RegisterError;
  }
  throw new Error('expected a RegisterError, but nothing was thrown');
}

/** Runs `work`, expects RegisterError 'invalid' naming `field`, and that no table changed. */
function expectInvalid(register: Register, field: string, work: () => unknown): RegisterError {
  const before = dumpTables(register.db);
  const error = refusal(work);
  expect(error.code).toBe('invalid');
  expect(error.message).toMatch(new RegExp(`\\b${field}\\b`));
  expect(dumpTables(register.db)).toEqual(before);
  return error;
}

describe('authorities', () => {
  it('are created, read, listed and updated, each change audited field by field with the actor from settings', () => {
    const register = temp.open();
    setSetting(register, 'actor', 'Ana Assessor');
    const created = createAuthority(register, { name: '  Zeta Authority ', country: 'Zetaland' }, 'auth-zeta');
    expect(created).toMatchObject({ uid: 'auth-zeta', name: 'Zeta Authority', country: 'Zetaland', level: 'national', notes: '', createdAt: FIXED_NOW, updatedAt: FIXED_NOW });
    expect(getAuthority(register, created.id)).toEqual(created);
    expect(findAuthorityByUid(register, 'auth-zeta')).toEqual(created);
    createAuthority(register, { name: 'alpha authority', level: 'subnational' });
    expect(listAuthorities(register).map((a) => a.name)).toEqual(['alpha authority', 'Zeta Authority']);

    const [createRow] = listAudit(register, { entity: 'authority', entityId: 'auth-zeta' });
    expect(createRow).toMatchObject({ action: 'create', actor: 'Ana Assessor', at: FIXED_NOW, field: null, oldValue: null });
    expect(JSON.parse(createRow!.newValue!)).toEqual({ name: 'Zeta Authority', country: 'Zetaland', level: 'national', notes: '' });

    setSetting(register, 'actor', 'Rui Reviewer');
    const updated = updateAuthority(register, created.id, { name: 'Zeta Authority', country: 'Zetaland', level: 'subnational', notes: 'moved' });
    expect(updated).toMatchObject({ level: 'subnational', notes: 'moved', name: 'Zeta Authority' });
    const changes = listAudit(register, { entity: 'authority', entityId: 'auth-zeta' }).slice(1);
    // Only the changed fields, one row each, old → new as JSON.
    expect(changes.map((r) => [r.action, r.field, r.oldValue, r.newValue, r.actor])).toEqual([
      ['update', 'level', '"national"', '"subnational"', 'Rui Reviewer'],
      ['update', 'notes', '""', '"moved"', 'Rui Reviewer'],
    ]);
  });

  it(`writes "${DEFAULT_ACTOR}" as the actor when none is set`, () => {
    const register = temp.open();
    expect(getSetting(register, 'actor')).toBeNull();
    createAuthority(register, { name: 'A' });
    expect(listAudit(register)[0]!.actor).toBe(DEFAULT_ACTOR);
  });

  it("refuses an empty name with 'invalid' naming the field, writing nothing", () => {
    const register = temp.open();
    expectInvalid(register, 'name', () => createAuthority(register, { name: '   ' }));
    const existing = createAuthority(register, { name: 'Kept' });
    expectInvalid(register, 'name', () => updateAuthority(register, existing.id, { name: '' }));
    expectInvalid(register, 'level', () => createAuthority(register, { name: 'X', level: 'regional' as 'national' }));
    expect(getAuthority(register, existing.id).name).toBe('Kept');
  });

  it("reports a missing authority as 'not_found'", () => {
    const register = temp.open();
    expect(refusal(() => getAuthority(register, 42)).code).toBe('not_found');
    expect(refusal(() => updateAuthority(register, 42, { name: 'x' })).code).toBe('not_found');
    expect(listAudit(register)).toEqual([]);
  });
});

describe('controls', () => {
  it('are created, updated and deleted, with audit rows for each change', () => {
    const register = temp.open();
    setSetting(register, 'actor', 'Ana Assessor');
    const authority = createAuthority(register, { name: 'Authority' });
    const control = createControl(
      register,
      authority.id,
      { family: 'vetting', title: 'Vetting of signatories', owner: 'HR', maturity: 2, lastReviewed: '2026-01-31', stages: ['permit_issuance'], riskTypes: ['bribery'] },
      'ctl-vetting',
    );
    expect(control).toMatchObject({
      uid: 'ctl-vetting',
      authorityId: authority.id,
      family: 'vetting',
      title: 'Vetting of signatories',
      description: '',
      owner: 'HR',
      maturity: 2,
      lastReviewed: '2026-01-31',
      stages: ['permit_issuance'],
      riskTypes: ['bribery'],
      createdAt: FIXED_NOW,
    });
    const defaults = createControl(register, authority.id, { family: 'code_of_conduct', title: 'Code', maturity: 0 });
    expect(defaults).toMatchObject({ stages: null, riskTypes: null, lastReviewed: null, owner: '', description: '' });
    expect(listControls(register, authority.id).map((c) => c.uid)).toEqual([defaults.uid, 'ctl-vetting']);

    const updated = updateControl(register, control.id, {
      family: 'vetting',
      title: 'Vetting of signatories',
      owner: 'HR unit',
      maturity: 3,
      lastReviewed: '2026-01-31',
      stages: ['permit_issuance', 'inspection_endorsement'],
      riskTypes: ['bribery'],
    });
    expect(updated).toMatchObject({ owner: 'HR unit', maturity: 3, stages: ['permit_issuance', 'inspection_endorsement'] });
    expect(getControl(register, control.id)).toEqual(updated);
    const rows = listAudit(register, { entity: 'control', entityId: 'ctl-vetting' });
    expect(rows.map((r) => [r.action, r.field, r.oldValue, r.newValue, r.actor])).toEqual([
      ['create', null, null, rows[0]!.newValue, 'Ana Assessor'],
      ['update', 'owner', '"HR"', '"HR unit"', 'Ana Assessor'],
      ['update', 'maturity', '2', '3', 'Ana Assessor'],
      ['update', 'stages', '["permit_issuance"]', '["permit_issuance","inspection_endorsement"]', 'Ana Assessor'],
    ]);
    expect(JSON.parse(rows[0]!.newValue!)).toMatchObject({ family: 'vetting', maturity: 2, stages: ['permit_issuance'] });

    addEvidence(register, control.id, { title: 'Log', date: '2026-01-01' }, { name: 'log.txt', content: new Uint8Array([1, 2, 3]) });
    deleteControl(register, control.id);
    expect(refusal(() => getControl(register, control.id)).code).toBe('not_found');
    // Its evidence and stored file go with it.
    expect(register.db.prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 0 });
    expect(register.db.prepare('SELECT count(*) AS n FROM evidence_files').get()).toEqual({ n: 0 });
    const deleted = listAudit(register, { entity: 'control', entityId: 'ctl-vetting' }).at(-1)!;
    expect(deleted.action).toBe('delete');
    expect(JSON.parse(deleted.oldValue!)).toMatchObject({ uid: 'ctl-vetting', maturity: 3, owner: 'HR unit' });
  });

  describe('refuse invalid input with RegisterError "invalid" naming the field, and write nothing', () => {
    const valid = { family: 'vetting', title: 'Vetting', maturity: 2, lastReviewed: '2026-01-31' };
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['empty title', 'title', { ...valid, title: '  ' }],
      ['maturity 5', 'maturity', { ...valid, maturity: 5 }],
      ['maturity -1', 'maturity', { ...valid, maturity: -1 }],
      ['fractional maturity', 'maturity', { ...valid, maturity: 2.5 }],
      ['unknown family', 'family', { ...valid, family: 'astrology' }],
      ['malformed family id', 'family', { ...valid, family: 'Not A Slug' }],
      ['bad date', 'lastReviewed', { ...valid, lastReviewed: '2026-02-30' }],
      ['date in another format', 'lastReviewed', { ...valid, lastReviewed: '31/01/2026' }],
      ['unknown stage', 'stages', { ...valid, stages: ['permit_issuance', 'moon_landing'] }],
      ['unknown risk type', 'riskTypes', { ...valid, riskTypes: ['piracy'] }],
    ];
    for (const [label, field, input] of cases) {
      it(`${label} → ${field}`, () => {
        const register = temp.open();
        const authority = createAuthority(register, { name: 'Authority' });
        const existing = createControl(register, authority.id, valid);
        expectInvalid(register, field, () => createControl(register, authority.id, input as never));
        expectInvalid(register, field, () => updateControl(register, existing.id, input as never));
        expect(getControl(register, existing.id)).toEqual(existing);
      });
    }
  });

  it('an unknown family is named with its value', () => {
    const register = temp.open();
    const authority = createAuthority(register, { name: 'Authority' });
    const error = expectInvalid(register, 'family', () => createControl(register, authority.id, { family: 'astrology', title: 'Stars', maturity: 1 }));
    expect(error.message).toContain('"astrology"');
  });
});

describe('evidence input', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['empty title', 'title', { title: '', date: '2026-01-01' }],
    ['bad date', 'date', { title: 'Report', date: '2026-13-01' }],
    ['bad expiry date', 'expiry', { title: 'Report', date: '2026-01-01', expiry: '2026-02-31' }],
    ['expiry before date', 'expiry', { title: 'Report', date: '2026-06-01', expiry: '2026-05-31' }],
  ];
  for (const [label, field, input] of cases) {
    it(`${label} is refused naming ${field}, and nothing is written`, () => {
      const register = temp.open();
      const authority = createAuthority(register, { name: 'Authority' });
      const control = createControl(register, authority.id, { family: 'vetting', title: 'Vetting', maturity: 2 });
      expectInvalid(register, field, () => addEvidence(register, control.id, input as never, { name: 'f.bin', content: new Uint8Array([9]) }));
    });
  }

  it('an expiry on the evidence date itself is accepted', () => {
    const register = temp.open();
    const authority = createAuthority(register, { name: 'Authority' });
    const control = createControl(register, authority.id, { family: 'vetting', title: 'Vetting', maturity: 2 });
    expect(addEvidence(register, control.id, { title: 'Same day', date: '2026-06-01', expiry: '2026-06-01' }).expiry).toBe('2026-06-01');
  });
});

describe('controls of a missing authority', () => {
  it("are refused with 'not_found', not a raw SQLite error", async () => {
    const { createControl } = await import('../../db/controls.js');
    const { RegisterError } = await import('../../db/errors.js');
    const register = temp.open();
    let caught: unknown;
    try {
      createControl(register, 999, { family: 'vetting', title: 'Orphan', maturity: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegisterError);
    expect((caught as InstanceType<typeof RegisterError>).code).toBe('not_found');
    expect((caught as Error).message).toContain('authority 999');
  });
});
