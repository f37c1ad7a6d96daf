import { describe, expect, it } from 'vitest';
import { dispatchSync as dispatch } from '../../api/dispatch.js';
import { createDemo } from '../../db/demo.js';
import type { ControlWindow } from '../../shared/api/results.js';
import { useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };
const base = { authorityId: 1, asOf: '2026-10-31' };

function ok<T>(result: ReturnType<typeof dispatch>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The demo's own controls, counted from the register rather than assumed. */
let DEMO_CONTROLS = 0;

function demoWithNumberedControls() {
  const register = temp.open();
  createDemo(register);
  DEMO_CONTROLS = (register.db.prepare('SELECT count(*) AS n FROM controls').get() as { n: number }).n;
  for (const n of [3, 25, 100, 7]) {
    const control = { family: 'rotation', title: `Control ${n}`, description: 'Numbered for sorting.', owner: 'Ops', maturity: 1, lastReviewed: null, stages: null, riskTypes: null };
    ok(dispatch(register, env, 'controls.create', { authorityId: 1, control }));
  }
  return register;
}

describe('controls.list: a window of the register, filtered and sorted on the server', () => {
  it('pages through the same ordered list: the windows join up exactly', () => {
    const register = demoWithNumberedControls();
    const all = ok<ControlWindow>(dispatch(register, env, 'controls.list', { ...base, limit: 1000, sort: { column: 'title', descending: false } }));
    expect(all).toMatchObject({ total: DEMO_CONTROLS + 4, matching: DEMO_CONTROLS + 4, offset: 0 });
    const pages = Array.from({ length: Math.ceil(all.total / 10) }, (_, i) => i * 10).map((offset) => ok<ControlWindow>(dispatch(register, env, 'controls.list', { ...base, offset, limit: 10, sort: { column: 'title', descending: false } })));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.rows.map((r) => r.id));
    expect(pages.at(-1)!.rows).toHaveLength(all.total % 10 || 10);
  });

  it('sorts titles naturally, and descending reverses it', () => {
    const register = demoWithNumberedControls();
    const numbered = (descending: boolean) =>
      ok<ControlWindow>(dispatch(register, env, 'controls.list', { ...base, limit: 1000, sort: { column: 'title', descending }, filters: { search: 'numbered for sorting' } })).rows.map((r) => r.title);
    expect(numbered(false)).toEqual(['Control 3', 'Control 7', 'Control 25', 'Control 100']);
    expect(numbered(true)).toEqual(['Control 100', 'Control 25', 'Control 7', 'Control 3']);
  });

  it('filters by family and evidence state, and searches family names in the reader’s language', () => {
    const register = demoWithNumberedControls();
    const rotation = ok<ControlWindow>(dispatch(register, env, 'controls.list', { ...base, filters: { family: 'rotation' } }));
    expect(rotation.matching).toBeGreaterThanOrEqual(4);
    expect(rotation.rows.every((r) => r.family === 'rotation')).toBe(true);
    const unsupported = ok<ControlWindow>(dispatch(register, env, 'controls.list', { ...base, filters: { evidence: 'unsupported' } }));
    expect(unsupported.rows.every((r) => r.status.evidenceState === 'unsupported')).toBe(true);
    expect(unsupported.total).toBe(DEMO_CONTROLS + 4);
    // "rotación" is the Spanish name of the rotation family; accents do not matter.
    const spanish = ok<ControlWindow>(dispatch(register, env, 'controls.list', { ...base, language: 'es', filters: { search: 'rotacion' } }));
    expect(spanish.rows.map((r) => r.family)).toContain('rotation');
    const english = ok<ControlWindow>(dispatch(register, env, 'controls.list', { ...base, language: 'en', filters: { search: 'rotacion' } }));
    expect(english.matching).toBe(0);
  });

  it('reflects a change at once (the cached list follows the register)', () => {
    const register = demoWithNumberedControls();
    const before = ok<ControlWindow>(dispatch(register, env, 'controls.list', base));
    const first = before.rows[0]!;
    ok(dispatch(register, env, 'controls.delete', { id: first.id }));
    const after = ok<ControlWindow>(dispatch(register, env, 'controls.list', base));
    expect(after.total).toBe(before.total - 1);
    expect(after.rows.map((r) => r.id)).not.toContain(first.id);
  });

  it('refuses an unknown sort column or a window over 1,000 rows, naming the field', () => {
    const register = demoWithNumberedControls();
    for (const [input, field] of [
      [{ ...base, sort: { column: 'salary', descending: false } }, 'sort.column'],
      [{ ...base, limit: 5000 }, 'limit'],
      [{ ...base, filters: { maturity: '9' } }, 'filters.maturity'],
    ] as const) {
      const result = dispatch(register, env, 'controls.list', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(field);
    }
  });
});
