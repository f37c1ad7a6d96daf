import { assess, type AssessmentResult } from '../shared/methodology/assess.js';
import { buildSnapshot, type RegisterControl } from '../shared/snapshot/build.js';
import { snapshotSchema, type Snapshot } from '../shared/snapshot/schema.js';
import { listChainInputs, listCriterionInputs } from './assessment-inputs.js';
import { getAssessment } from './assessments.js';
import { getAuthority } from './authorities.js';
import { listControls } from './controls.js';
import { listEvidenceForAuthority } from './evidence.js';
import { registerLibrary } from './frameworks.js';
import { permitSignalsFor } from './permits/signals.js';
import type { Register } from './register.js';

/** The authority's register in the shape the snapshot builder takes. */
export function registerControls(register: Register, authorityId: number): RegisterControl[] {
  const evidence = listEvidenceForAuthority(register, authorityId);
  const byControl = new Map<number, typeof evidence>();
  for (const item of evidence) {
    const list = byControl.get(item.controlId);
    if (list) list.push(item);
    else byControl.set(item.controlId, [item]);
  }
  return listControls(register, authorityId).map((control) => ({
    uid: control.uid,
    family: control.family,
    title: control.title,
    maturity: control.maturity,
    lastReviewed: control.lastReviewed,
    stages: control.stages,
    riskTypes: control.riskTypes,
    evidence: (byControl.get(control.id) ?? []).map((e) => ({ uid: e.uid, title: e.title, date: e.date, expiry: e.expiry, sha256: e.fileSha256, size: e.fileSize })),
  }));
}

/**
 * What PI-1 scores for an assessment: the stored snapshot once locked (so it
 * never changes), otherwise the register as it stands now.
 */
export function assessmentSnapshot(register: Register, assessmentId: number): Snapshot {
  const assessment = getAssessment(register, assessmentId);
  if (assessment.status === 'locked') {
    const row = register.db.prepare('SELECT snapshot FROM assessments WHERE id = ?').get(assessmentId) as { snapshot: string };
    return snapshotSchema.parse(JSON.parse(row.snapshot));
  }
  const authority = getAuthority(register, assessment.authorityId);
  return buildSnapshot({
    library: registerLibrary(register),
    authority: { uid: authority.uid, name: authority.name },
    assessment: { uid: assessment.uid, title: assessment.title, asOf: assessment.asOf, frameworks: assessment.frameworks },
    controls: registerControls(register, assessment.authorityId),
    criterionInputs: listCriterionInputs(register, assessmentId),
    chain: listChainInputs(register, assessmentId),
    permitSignals: permitSignalsFor(register, assessment.authorityId, assessment.asOf),
  });
}

export function scoreAssessment(register: Register, assessmentId: number): AssessmentResult {
  return assess(assessmentSnapshot(register, assessmentId));
}
