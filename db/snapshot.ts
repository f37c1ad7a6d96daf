import { assess, type AssessmentResult } from '../shared/methodology/assess.js';
import { buildSnapshot, type RegisterControl } from '../shared/snapshot/build.js';
import { snapshotSchema, type PermitSignals, type Snapshot, type SnapshotEvidence } from '../shared/snapshot/schema.js';
import { listChainInputs, listCriterionInputs } from './assessment-inputs.js';
import { getAssessment } from './assessments.js';
import { getAuthority } from './authorities.js';
import { listControls, storedControlRows, type ControlRow, type StoredControlRow } from './controls.js';
import { jsonOrNull } from './rows.js';
import { listEvidenceForAuthority } from './evidence.js';
import { registerLibrary } from './frameworks.js';
import { permitSignalsFor } from './permits/signals.js';
import type { Register } from './register.js';
import { cachedStatement } from './statements.js';

/** The authority's register in the shape the snapshot builder takes, in the register's order (family, then title). */
export function registerControls(register: Register, authorityId: number): RegisterControl[] {
  return withEvidence(register, authorityId, listControls(register, authorityId));
}

/** The given controls of the authority (rows of listControls), each with its evidence, in the same order. */
export function withEvidence(register: Register, authorityId: number, controls: readonly ControlRow[]): RegisterControl[] {
  return attachEvidence(register, authorityId, controls, (control) => control.stages, (control) => control.riskTypes);
}

/** The same from the stored rows, each read straight into its snapshot shape (scoring reads thousands). */
function storedWithEvidence(register: Register, authorityId: number, controls: readonly StoredControlRow[]): RegisterControl[] {
  return attachEvidence(register, authorityId, controls, (control) => jsonOrNull<string[]>(control.stages), (control) => jsonOrNull<string[]>(control.riskTypes));
}

/** One RegisterControl per row; the two list readers decode the stored JSON or pass decoded lists through. */
function attachEvidence<Row extends StoredControlRow | ControlRow>(
  register: Register,
  authorityId: number,
  controls: readonly Row[],
  stagesOf: (control: Row) => string[] | null,
  riskTypesOf: (control: Row) => string[] | null,
): RegisterControl[] {
  const byControl = evidenceByControl(register, authorityId);
  return controls.map((control) => ({
    uid: control.uid,
    family: control.family,
    title: control.title,
    maturity: control.maturity,
    lastReviewed: control.lastReviewed,
    stages: stagesOf(control),
    riskTypes: riskTypesOf(control),
    evidence: byControl.get(control.id) ?? [],
  }));
}

function evidenceByControl(register: Register, authorityId: number): Map<number, SnapshotEvidence[]> {
  const byControl = new Map<number, SnapshotEvidence[]>();
  for (const e of listEvidenceForAuthority(register, authorityId)) {
    const item: SnapshotEvidence = { uid: e.uid, title: e.title, date: e.date, expiry: e.expiry, sha256: e.fileSha256, size: e.fileSize };
    const list = byControl.get(e.controlId);
    if (list) list.push(item);
    else byControl.set(e.controlId, [item]);
  }
  return byControl;
}

/**
 * Permit signals only for an authority with an analysis run: most have none,
 * and asking once through a cached statement is cheaper than the full lookup.
 */
function permitSignals(register: Register, authorityId: number, asOf: string): PermitSignals | null {
  const analysed = cachedStatement(register.db, 'SELECT 1 FROM permit_analyses WHERE authority_id = ? LIMIT 1').get(authorityId);
  return analysed ? permitSignalsFor(register, authorityId, asOf) : null;
}

/**
 * What PI-1 scores for an assessment: the stored snapshot once locked (so it
 * never changes), otherwise the register as it stands now.
 */
export function assessmentSnapshot(register: Register, assessmentId: number): Snapshot {
  const assessment = getAssessment(register, assessmentId);
  if (assessment.status === 'locked') {
    const row = cachedStatement(register.db, 'SELECT snapshot FROM assessments WHERE id = ?').get(assessmentId) as { snapshot: string };
    // Without zod's compiled fast path: building it costs more than a small snapshot's whole parse
    // (a one-shot CLI report), and at 10,000 controls both ways take the same time.
    return snapshotSchema.parse(JSON.parse(row.snapshot), { jitless: true });
  }
  const authority = getAuthority(register, assessment.authorityId);
  return buildSnapshot({
    library: registerLibrary(register),
    authority: { uid: authority.uid, name: authority.name },
    assessment: { uid: assessment.uid, title: assessment.title, asOf: assessment.asOf, frameworks: assessment.frameworks },
    // The snapshot orders controls by uid itself, so the register's title order is not needed.
    controls: storedWithEvidence(register, assessment.authorityId, storedControlRows(register, assessment.authorityId)),
    criterionInputs: listCriterionInputs(register, assessmentId),
    chain: listChainInputs(register, assessmentId),
    permitSignals: permitSignals(register, assessment.authorityId, assessment.asOf),
  });
}

export function scoreAssessment(register: Register, assessmentId: number): AssessmentResult {
  return assess(assessmentSnapshot(register, assessmentId));
}
