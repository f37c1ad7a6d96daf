import type { Library } from '../library/library.js';
import { buildSnapshot } from '../snapshot/build.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { AssessmentPackage, PackageAssessment } from './schema.js';

/**
 * The snapshot PI-1 scores for one assessment of a package: the frozen one
 * for a locked assessment, otherwise one built from the package's register.
 */
export function packageSnapshot(pkg: AssessmentPackage, library: Library, assessment: PackageAssessment): Snapshot {
  if (assessment.lock) return assessment.lock.snapshot;
  return buildSnapshot({
    library,
    authority: { uid: pkg.authority.uid, name: pkg.authority.name },
    assessment: { uid: assessment.uid, title: assessment.title, asOf: assessment.asOf, frameworks: assessment.frameworks },
    controls: pkg.controls.map((control) => ({
      uid: control.uid,
      family: control.family,
      title: control.title,
      maturity: control.maturity,
      lastReviewed: control.lastReviewed,
      stages: control.stages,
      riskTypes: control.riskTypes,
      evidence: control.evidence.map((e) => ({
        uid: e.uid,
        title: e.title,
        date: e.date,
        expiry: e.expiry,
        sha256: e.file?.sha256 ?? null,
        size: e.file?.size ?? null,
      })),
    })),
    criterionInputs: assessment.criteria,
    chain: assessment.chain,
  });
}

/** The assessment a command means: the one named, or else the most recently created. */
export function pickAssessment(pkg: AssessmentPackage, uid?: string): PackageAssessment {
  if (uid !== undefined) {
    const found = pkg.assessments.find((a) => a.uid === uid);
    if (!found) throw new Error(`the package has no assessment "${uid}"; it has: ${pkg.assessments.map((a) => a.uid).join(', ') || 'none'}`);
    return found;
  }
  const latest = [...pkg.assessments].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
  if (!latest) throw new Error('the package holds no assessment to score');
  return latest;
}
