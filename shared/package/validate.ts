import { builtInBase, builtInLibrary, BUILT_IN_FRAMEWORK_IDS } from '../library/builtin.js';
import { criteriaOf, type Library } from '../library/library.js';
import { parseFramework } from '../library/load.js';
import type { Framework } from '../library/schema.js';
import { DataValidationError, jsonPath } from '../library/validation-error.js';
import { canonicalJson, snapshotDigest } from '../snapshot/canonical.js';
import { snapshotIssues } from '../snapshot/consistency.js';
import { verifySignature } from '../signing/ed25519.js';
import { controlCharacterIssues } from '../domain/control-characters.js';
import { packageSchema, type AssessmentPackage } from './schema.js';
import { checkPlanAndThreads } from './validate-plan.js';

/** One problem in a package, at a JSON path such as `$.controls[2].family`. */
export interface PackageIssue {
  path: string;
  message: string;
}

export class PackageValidationError extends Error {
  constructor(readonly issues: PackageIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    this.name = 'PackageValidationError';
  }
}

export interface ValidatedPackage {
  pkg: AssessmentPackage;
  /** The built-in library joined by the package's embedded frameworks. */
  library: Library;
}

/**
 * Checks a parsed JSON value is a complete, self-consistent package: shape
 * first, then every reference (families, stages, risk types, criteria,
 * frameworks) and every lock digest. Throws with every problem found.
 */
export function validatePackage(data: unknown, extraFrameworks: readonly Framework[] = []): ValidatedPackage {
  const text = controlCharacterIssues(data);
  if (text.length) throw new PackageValidationError(text);
  // Without zod's compiled fast path: a package is parsed once, and measured
  // cold that was about twice as fast for the demo package and no slower for
  // 10,000 controls (the compiled path pays only over many parses).
  const parsed = packageSchema.safeParse(data, { jitless: true });
  if (!parsed.success) {
    throw new PackageValidationError(parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })));
  }
  const pkg = parsed.data;
  const issues: PackageIssue[] = [];
  const embedded = embeddedFrameworks(pkg, issues);
  const known = new Map([...extraFrameworks, ...embedded].map((f) => [f.id, f]));
  const library = builtInLibrary([...known.values()]);
  checkControls(pkg, library, issues);
  checkAssessments(pkg, library, issues);
  checkPlanAndThreads(pkg, (a) => criterionIds(pkg.assessments[a]!.frameworks, library), issues);
  if (issues.length) throw new PackageValidationError(issues);
  return { pkg, library };
}

function embeddedFrameworks(pkg: AssessmentPackage, issues: PackageIssue[]): Framework[] {
  const out: Framework[] = [];
  pkg.frameworks.forEach((framework, index) => {
    const path = `$.frameworks[${index}]`;
    if ((BUILT_IN_FRAMEWORK_IDS as readonly string[]).includes(framework.id)) {
      issues.push({ path: `${path}.id`, message: `"${framework.id}" is a built-in framework and cannot be embedded` });
      return;
    }
    try {
      out.push(parseFramework(`package framework "${framework.id}"`, framework, builtInBase()));
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      for (const issue of error.issues) issues.push({ path, message: `${issue.item} ${issue.field}: ${issue.message}`.trim() });
    }
  });
  return out;
}

function checkControls(pkg: AssessmentPackage, library: Library, issues: PackageIssue[]): void {
  const stageIds = new Set(library.stages.map((s) => s.id));
  const riskIds = new Set(library.riskTypes.map((r) => r.id));
  const uids = new Set<string>();
  pkg.controls.forEach((control, c) => {
    const path = `$.controls[${c}]`;
    unique(uids, control.uid, `${path}.uid`, issues);
    if (!library.families.has(control.family)) issues.push({ path: `${path}.family`, message: `unknown family "${control.family}"` });
    control.stages?.forEach((stage, s) => {
      if (!stageIds.has(stage)) issues.push({ path: `${path}.stages[${s}]`, message: `unknown stage "${stage}"` });
    });
    control.riskTypes?.forEach((risk, r) => {
      if (!riskIds.has(risk)) issues.push({ path: `${path}.riskTypes[${r}]`, message: `unknown risk type "${risk}"` });
    });
    control.evidence.forEach((evidence, e) => {
      unique(uids, evidence.uid, `${path}.evidence[${e}].uid`, issues);
      if (evidence.expiry !== null && evidence.expiry < evidence.date) {
        issues.push({ path: `${path}.evidence[${e}].expiry`, message: 'expires before it is dated' });
      }
    });
  });
}

function checkAssessments(pkg: AssessmentPackage, library: Library, issues: PackageIssue[]): void {
  const uids = new Set<string>();
  const stageIds = new Set(library.stages.map((s) => s.id));
  const riskIds = new Set(library.riskTypes.map((r) => r.id));
  pkg.assessments.forEach((assessment, a) => {
    const path = `$.assessments[${a}]`;
    unique(uids, assessment.uid, `${path}.uid`, issues);
    const unknown = assessment.frameworks.filter((id) => !library.frameworks.has(id));
    unknown.forEach((id) => issues.push({ path: `${path}.frameworks`, message: `unknown framework "${id}"` }));
    const criterionIds = unknown.length ? new Set<string>() : new Set(criteriaOf(library, assessment.frameworks).map((c) => c.id));
    const seenCriteria = new Set<string>();
    assessment.criteria.forEach((input, i) => {
      if (!unknown.length && !criterionIds.has(input.criterionId)) {
        issues.push({ path: `${path}.criteria[${i}].criterionId`, message: `unknown criterion "${input.criterionId}" for this assessment's frameworks` });
      }
      unique(seenCriteria, input.criterionId, `${path}.criteria[${i}].criterionId`, issues);
    });
    const seenCells = new Set<string>();
    assessment.chain.forEach((cell, i) => {
      if (!stageIds.has(cell.stage)) issues.push({ path: `${path}.chain[${i}].stage`, message: `unknown stage "${cell.stage}"` });
      if (!riskIds.has(cell.riskType)) issues.push({ path: `${path}.chain[${i}].riskType`, message: `unknown risk type "${cell.riskType}"` });
      unique(seenCells, `${cell.stage}/${cell.riskType}`, `${path}.chain[${i}]`, issues);
    });
    checkLock(assessment, pkg.authority.uid, path, issues);
    if (assessment.lock) checkSnapshot(assessment, library, path, issues);
  });
}

function checkLock(assessment: AssessmentPackage['assessments'][number], authorityUid: string, path: string, issues: PackageIssue[]): void {
  const locked = assessment.status === 'locked';
  if (locked && !assessment.lock) issues.push({ path: `${path}.lock`, message: 'a locked assessment must carry its snapshot and digest' });
  if (!locked && assessment.lock) issues.push({ path: `${path}.lock`, message: `a ${assessment.status} assessment cannot carry a lock` });
  if (!assessment.lock) return;
  const { snapshot } = assessment.lock;
  if (snapshotDigest(snapshot) !== assessment.lock.digest) {
    issues.push({ path: `${path}.lock.digest`, message: 'does not match the snapshot: the locked assessment was altered' });
  }
  if (verifySignature(assessment.lock.publicKey, assessment.lock.signature, 'lock', assessment.lock.digest) === 'invalid') {
    issues.push({ path: `${path}.lock.signature`, message: 'is not a valid signature of this digest by this key: the lock was altered after signing, or the signature was copied from elsewhere' });
  }
  // A valid digest only proves the snapshot is intact, not that it belongs here.
  if (snapshot.assessment.uid !== assessment.uid) issues.push({ path: `${path}.lock.snapshot.assessment.uid`, message: `the snapshot is of assessment "${snapshot.assessment.uid}", not "${assessment.uid}"` });
  if (snapshot.authority.uid !== authorityUid) issues.push({ path: `${path}.lock.snapshot.authority.uid`, message: `the snapshot is of authority "${snapshot.authority.uid}", not "${authorityUid}"` });
  if (snapshot.asOf !== assessment.asOf) issues.push({ path: `${path}.lock.snapshot.asOf`, message: `the snapshot is as of ${snapshot.asOf}, the assessment as of ${assessment.asOf}` });
}

/** null when a framework is unknown (already reported). */
function criterionIds(frameworks: string[], library: Library): ReadonlySet<string> | null {
  return frameworks.every((id) => library.frameworks.has(id)) ? new Set(criteriaOf(library, frameworks).map((c) => c.id)) : null;
}

/**
 * A recomputed digest proves nothing about a forged snapshot: it must also be
 * consistent in itself, agree with the library it names, and hold exactly the
 * inputs the package lists for this (frozen) assessment.
 */
function checkSnapshot(assessment: AssessmentPackage['assessments'][number], library: Library, path: string, issues: PackageIssue[]): void {
  const snapshot = assessment.lock!.snapshot;
  for (const issue of snapshotIssues(snapshot, library)) issues.push({ path: `${path}.lock.snapshot.${issue.path}`, message: issue.message });
  const inScope = new Set(snapshot.criteria.map((c) => c.id));
  const frozen = new Map(snapshot.criterionInputs.map((input) => [input.criterionId, canonicalJson(input)]));
  const listed = assessment.criteria.filter((input) => inScope.has(input.criterionId));
  const differs = listed.length !== frozen.size || listed.some((input) => frozen.get(input.criterionId) !== canonicalJson(input));
  if (differs) issues.push({ path: `${path}.criteria`, message: 'differ from the criterion inputs frozen in the locked snapshot' });
  const cells = new Map(snapshot.chain.map((cell) => [`${cell.stage}/${cell.riskType}`, canonicalJson(cell)]));
  if (assessment.chain.some((cell) => cells.get(`${cell.stage}/${cell.riskType}`) !== canonicalJson(cell))) {
    issues.push({ path: `${path}.chain`, message: 'differs from the permit-chain ratings frozen in the locked snapshot' });
  }
}

function unique(seen: Set<string>, id: string, path: string, issues: PackageIssue[]): void {
  if (seen.has(id)) issues.push({ path, message: `duplicate "${id}"` });
  seen.add(id);
}
