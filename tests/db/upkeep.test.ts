/**
 * A consultant's upkeep of the register, on real files: updating an authority
 * from a newer package of it (diff first, locked assessments untouched),
 * refusing older or conflicting packages with the reason, and deleting an
 * authority (the demo included) with confirmation, a backup and an audit entry.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatchSync } from '../../api/dispatch.js';
import { listAudit, verifyAudit } from '../../db/audit.js';
import { deleteAuthority } from '../../db/authority-delete.js';
import { createControl, listControls, updateControl } from '../../db/controls.js';
import { createDemo } from '../../db/demo.js';
import { addEvidence } from '../../db/evidence.js';
import { lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import { exportPackage } from '../../db/package-export.js';
import { previewPackage, updateFromPackage } from '../../db/package-update.js';
import { seedAuthority, as, REVIEWER, SUBMITTER } from '../helpers/register-fixtures.js';
import { dumpTables, useTempRegisters } from '../helpers/temp-register.js';

const temp = useTempRegisters();
const env = { transport: 'browser' as const, version: 'test' };
const LATER = () => '2026-11-20T09:00:00.000Z';

/** The consultant's register with the demo, and the authority's own register that moved on: a newer package. */
function newerDemoPackage() {
  const source = temp.open({ now: LATER });
  createDemo(source);
  const controls = listControls(source, 1);
  updateControl(source, controls[0]!.id, { ...controls[0]!, maturity: 4 });
  createControl(source, 1, { family: 'rotation', title: 'Rotation of licensing officers', maturity: 2 });
  // The 2026 draft goes through review and is locked at the authority.
  transitionAssessment(as(source, SUBMITTER), 2, 'submitted');
  transitionAssessment(as(source, REVIEWER), 2, 'reviewed');
  lockAssessment(source, 2);
  return exportPackage(source, 1);
}

function consultantRegister() {
  const register = temp.open();
  createDemo(register);
  return register;
}

const lockedRows = (db: Database.Database) => ({
  assessments: db.prepare("SELECT * FROM assessments WHERE status = 'locked' ORDER BY id").all(),
  inputs: db.prepare("SELECT * FROM criterion_inputs WHERE assessment_id IN (SELECT id FROM assessments WHERE status = 'locked') ORDER BY assessment_id, criterion_id").all(),
  cells: db.prepare("SELECT * FROM chain_cells WHERE assessment_id IN (SELECT id FROM assessments WHERE status = 'locked') ORDER BY assessment_id, stage, risk_type").all(),
});

describe('updating an authority from a newer package', () => {
  it('previews the diff, then applies it keeping the held locked assessment byte-identical', () => {
    const register = consultantRegister();
    const pkg = newerDemoPackage();
    const before = lockedRows(register.db);
    const evidenceFile = addEvidence(register, listControls(register, 1)[1]!.id, { title: 'Local note', date: '2026-01-01' }, { name: 'n.txt', mediaType: 'text/plain', content: Buffer.from('kept') });
    void evidenceFile;
    const preview = previewPackage(register, pkg);
    expect(preview.kind).toBe('update');
    if (preview.kind !== 'update') return;
    expect(preview.heldExportedAt < preview.incomingExportedAt).toBe(true);
    expect(preview.controls.added).toEqual(['Rotation of licensing officers']);
    expect(preview.controls.changed).toHaveLength(1);
    expect(preview.controls.removed).toEqual([]);
    // The evidence added here only is not in the package: the update removes it, and says so.
    expect(preview.evidence).toEqual({ added: 0, changed: 0, removed: 1 });
    expect(preview.assessments.locksKept.map((a) => a.uid)).toEqual(['demo-assessment-2025']);
    expect(preview.assessments.changed).toEqual([{ uid: 'demo-assessment-2026', title: expect.any(String), from: 'draft', to: 'locked' }]);
    expect(preview.assessments.newLocks.map((a) => a.uid)).toEqual(['demo-assessment-2026']);

    const plan = updateFromPackage(register, pkg);
    expect(plan.controls).toEqual(preview.controls);
    const after = lockedRows(register.db);
    // The baseline (row 1) is exactly as before; the 2026 assessment is now locked with the package's digest.
    expect(after.assessments[0]).toEqual(before.assessments[0]);
    expect(after.inputs.filter((i) => (i as { assessment_id: number }).assessment_id === 1)).toEqual(before.inputs);
    expect(after.cells.filter((c) => (c as { assessment_id: number }).assessment_id === 1)).toEqual(before.cells);
    const locked2026 = register.db.prepare("SELECT digest FROM assessments WHERE uid = 'demo-assessment-2026'").get() as { digest: string };
    expect(locked2026.digest).toBe(pkg.assessments.find((a) => a.uid === 'demo-assessment-2026')!.lock!.digest);
    expect(listControls(register, 1)).toHaveLength(pkg.controls.length);
    // Exporting again gives the package's content back (the audit head is each register's own).
    const again = exportPackage(register, 1);
    expect({ ...again, exportedAt: '', auditHead: '' }).toEqual({ ...pkg, exportedAt: '', auditHead: '' });
    const audit = listAudit(register).at(-1)!;
    expect([audit.action, audit.entity, audit.field]).toEqual(['import', 'authority', 'update']);
    expect(verifyAudit(register).ok).toBe(true);
  });

  it('refuses the same package twice and an older one, saying why and writing nothing', () => {
    const register = consultantRegister();
    const pkg = newerDemoPackage();
    updateFromPackage(register, pkg);
    const before = dumpTables(register.db);
    expect(() => updateFromPackage(register, pkg)).toThrow(/is the one already imported; nothing was changed/);
    expect(() => updateFromPackage(register, { ...pkg, exportedAt: '2026-11-10T00:00:00.000Z' })).toThrow(/exported 2026-11-10T00:00:00.000Z, before the one already imported \(2026-11-20T09:00:00.000Z\); it is older/);
    expect(dumpTables(register.db)).toEqual(before);
  });

  it('refuses a package that drops a locked assessment held here', () => {
    const register = consultantRegister();
    const pkg = newerDemoPackage();
    const without = { ...pkg, assessments: pkg.assessments.filter((a) => a.uid !== 'demo-assessment-2025').map((a) => ({ ...a, clonedFrom: null })) };
    const result = dispatchSync(register, env, 'packages.preview', { package: without });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('locked assessment "') } });
    expect(result.ok ? '' : result.error.message).toContain('is held here but missing from the package');
  });

  it('refuses to overwrite an authority that was created in this register', () => {
    const register = temp.open();
    const { authority } = seedAuthority(register);
    const pkg = { ...exportPackage(register, authority.id), exportedAt: '2027-01-01T00:00:00.000Z' };
    expect(() => updateFromPackage(register, pkg)).toThrow(/created in this register, not imported from a package/);
  });

  it('previews an unknown authority as a new one', () => {
    const register = temp.open();
    const preview = previewPackage(register, newerDemoPackage());
    expect(preview).toMatchObject({ kind: 'new', authorityUid: 'demo-veridia-ma', assessments: 2 });
  });
});

describe('deleting an authority', () => {
  it('needs the name typed exactly, and then removes it all, locked assessments included, after a backup, audited', () => {
    const register = consultantRegister();
    const { authority } = seedAuthority(register, 'Kept Authority');
    const before = dumpTables(register.db);
    expect(() => deleteAuthority(register, 1, 'demo')).toThrow(/type the authority's name exactly/);
    expect(dumpTables(register.db)).toEqual(before);

    const name = (register.db.prepare('SELECT name FROM authorities WHERE id = 1').get() as { name: string }).name;
    const result = deleteAuthority(register, 1, name);
    expect(existsSync(result.backup)).toBe(true);
    const backup = new Database(result.backup, { readonly: true });
    expect((backup.prepare("SELECT count(*) AS n FROM assessments WHERE status = 'locked'").get() as { n: number }).n).toBe(1);
    backup.close();
    for (const table of ['controls', 'assessments']) {
      expect((register.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE authority_id = 1`).get() as { n: number }).n, table).toBe(0);
    }
    expect(listControls(register, authority.id)).toHaveLength(5);
    expect((register.db.prepare('SELECT count(*) AS n FROM authority_removals').get() as { n: number }).n).toBe(0);
    const entry = listAudit(register).at(-1)!;
    expect([entry.action, entry.entity, entry.entityId]).toEqual(['delete', 'authority', 'demo-veridia-ma']);
    expect(JSON.parse(entry.oldValue!)).toMatchObject({ name, backup: result.backup, assessments: [{ uid: 'demo-assessment-2025', status: 'locked' }, { uid: 'demo-assessment-2026', status: 'draft' }] });
    expect(verifyAudit(register).ok).toBe(true);
  });

  it('through the API, a wrong confirmation is refused with the field named', () => {
    const register = consultantRegister();
    const result = dispatchSync(register, env, 'authorities.delete', { id: 1, confirmName: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('confirmName') } });
  });
});
