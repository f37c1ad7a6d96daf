import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listAssessments } from '../db/assessments.js';
import { listAuthorities } from '../db/authorities.js';
import { exportPackage } from '../db/package-export.js';
import { importPackage } from '../db/package-import.js';
import { closeRegister, openRegister, type Register } from '../db/register.js';
import { scoreAssessment } from '../db/snapshot.js';
import { record, recordRatio, sideBySide, timeOf, ms } from './harness.js';
import { syntheticPackage } from './synthetic.js';

export const AUTHORITIES = 1000;
const CONTROLS = 40;

/**
 * The fair baseline: exactly the rows and columns that scoring reads, with
 * every statement prepared once, outside the timed loop, and nothing else.
 */
function plainReader(register: Register): () => number {
  const db = register.db;
  const authorities = db.prepare('SELECT id, uid, name FROM authorities ORDER BY name COLLATE NOCASE, id');
  const assessments = db.prepare(`SELECT id, uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, cloned_from, notes,
    created_at, updated_at, submitted_at, reviewed_at, locked_at, digest FROM assessments WHERE authority_id = ? ORDER BY created_at, id`);
  // No ORDER BY: scoring reads the controls unordered (the snapshot sorts them by uid itself).
  const controls = db.prepare(`SELECT id, uid, authority_id, family, title, description, owner, maturity, last_reviewed, stages, risk_types,
    created_at, updated_at FROM controls WHERE authority_id = ?`);
  const evidence = db.prepare(`SELECT id, uid, control_id, title, date, expiry, file_name, file_sha256, file_size, media_type, created_at
    FROM evidence WHERE control_id IN (SELECT id FROM controls WHERE authority_id = ?) ORDER BY control_id, date DESC, id`);
  const inputs = db.prepare(`SELECT criterion_id, override_maturity, override_justification, applicable, applicability_justification, notes
    FROM criterion_inputs WHERE assessment_id = ? ORDER BY criterion_id`);
  const chain = db.prepare('SELECT stage, risk_type, likelihood, impact FROM chain_cells WHERE assessment_id = ? ORDER BY rowid');
  return () => {
    let rows = 0;
    for (const { id } of authorities.all() as Array<{ id: number }>) {
      rows += controls.all(id).length + evidence.all(id).length;
      for (const a of assessments.all(id) as Array<{ id: number }>) rows += inputs.all(a.id).length + chain.all(a.id).length;
    }
    return rows;
  };
}

function loadAndScoreAll(register: Register): number {
  let flags = 0;
  for (const authority of listAuthorities(register)) {
    for (const assessment of listAssessments(register, authority.id)) flags += scoreAssessment(register, assessment.id).flags.length;
  }
  return flags;
}

/** Load + score of a large register against a fair plain read, then package export and re-import. */
export async function registerBench(folder: string): Promise<void> {
  console.log(`\nRegister: ${AUTHORITIES} authorities × ${CONTROLS} controls`);
  const source = openRegister(join(folder, 'register-bench.sqlite'));
  const setup = performance.now();
  for (let i = 0; i < AUTHORITIES; i++) importPackage(source, syntheticPackage(i, CONTROLS));
  console.log(`  built the register (${AUTHORITIES} package imports) in ${(performance.now() - setup).toFixed(0)} ms`);

  const result = await sideBySide(plainReader(source), () => loadAndScoreAll(source));
  recordRatio(`load + score ${AUTHORITIES} authorities × ${CONTROLS} controls`, result, 'plain read of the same columns, statements prepared once', 2);

  const authorities = listAuthorities(source).slice(0, 200);
  const exported = authorities.map((a) => JSON.parse(JSON.stringify(exportPackage(source, a.id))) as unknown);
  const exportTime = await timeOf(() => authorities.map((a) => JSON.stringify(exportPackage(source, a.id))), 3);
  record({ measure: 'export 200 packages (JSON)', subject: ms(exportTime), baseline: '—', ratio: '—', goal: '—', pass: null });
  let round = 0;
  const importTime = await timeOf(() => {
    const target = openRegister(join(folder, `register-bench-target-${round++}.sqlite`));
    try {
      for (const pkg of exported) importPackage(target, pkg);
    } finally {
      closeRegister(target);
    }
  }, 3);
  record({ measure: 're-import 200 packages into a fresh register', subject: ms(importTime), baseline: '—', ratio: '—', goal: '—', pass: null });
  closeRegister(source);
}
