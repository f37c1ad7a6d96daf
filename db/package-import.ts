import type { ImportSummary as ImportSummaryRecord } from '../shared/domain/records.js';
import { canonicalJson } from '../shared/snapshot/canonical.js';
import type { AssessmentPackage } from '../shared/package/schema.js';
import { PackageValidationError, validatePackage, type PackageIssue } from '../shared/package/validate.js';
import { appendAudit } from './audit.js';
import { RegisterError } from './errors.js';
import { listCustomFrameworks } from './frameworks.js';
import { inTransaction, type Register } from './register.js';
import { toJsonOrNull } from './rows.js';
import { writeActionsAndComments } from './package-import-plan.js';
import { applyTrust } from './trust.js';

export type ImportSummary = ImportSummaryRecord;

/**
 * Validates the whole package first (shape, references, lock digests, clashes
 * with this register), then writes it in one transaction: all of it or nothing.
 */
export interface ImportOptions {
  /** Why a package signed with a key other than the one trusted for its authority (or unsigned) is accepted. */
  acceptKeyChange?: string | null;
}

export function importPackage(register: Register, data: unknown, options: ImportOptions = {}): ImportSummary {
  const existing = listCustomFrameworks(register);
  const { pkg } = validatePackage(data, existing);
  return inTransaction(register, () => {
    // The key check comes first: a changed key is the more serious news than a clash.
    applyTrust(register, pkg, options.acceptKeyChange);
    checkClashes(register, pkg, existing);
    return writePackage(register, pkg, existing.map((f) => f.id));
  });
}

/** A framework the package brings that this register already holds in a different version. */
export function frameworkClashes(pkg: AssessmentPackage, existing: ReturnType<typeof listCustomFrameworks>): PackageIssue[] {
  const issues: PackageIssue[] = [];
  pkg.frameworks.forEach((framework, i) => {
    const mine = existing.find((f) => f.id === framework.id);
    if (mine && canonicalJson(mine) !== canonicalJson(framework)) {
      issues.push({ path: `$.frameworks[${i}].id`, message: `this register already has a different framework "${framework.id}" (version ${mine.version})` });
    }
  });
  return issues;
}

function checkClashes(register: Register, pkg: AssessmentPackage, existing: ReturnType<typeof listCustomFrameworks>): void {
  const issues: PackageIssue[] = [];
  const taken = (table: string, uid: string) => register.db.prepare(`SELECT 1 FROM ${table} WHERE uid = ?`).get(uid) !== undefined;
  if (taken('authorities', pkg.authority.uid)) {
    issues.push({ path: '$.authority.uid', message: `authority "${pkg.authority.name}" (${pkg.authority.uid}) is already in this register` });
  }
  pkg.controls.forEach((control, c) => {
    if (taken('controls', control.uid)) issues.push({ path: `$.controls[${c}].uid`, message: `control "${control.uid}" is already in this register` });
    control.evidence.forEach((e, i) => {
      if (taken('evidence', e.uid)) issues.push({ path: `$.controls[${c}].evidence[${i}].uid`, message: `evidence "${e.uid}" is already in this register` });
    });
  });
  pkg.assessments.forEach((a, i) => {
    if (taken('assessments', a.uid)) issues.push({ path: `$.assessments[${i}].uid`, message: `assessment "${a.uid}" is already in this register` });
    a.actions.forEach((action, j) => {
      if (taken('actions', action.uid)) issues.push({ path: `$.assessments[${i}].actions[${j}].uid`, message: `action "${action.uid}" is already in this register` });
    });
    a.comments.forEach((comment, j) => {
      if (taken('comments', comment.uid)) issues.push({ path: `$.assessments[${i}].comments[${j}].uid`, message: `comment "${comment.uid}" is already in this register` });
    });
  });
  issues.push(...frameworkClashes(pkg, existing));
  if (issues.length) throw new PackageValidationError(issues);
}

function writePackage(register: Register, pkg: AssessmentPackage, knownFrameworks: string[]): ImportSummary {
  const db = register.db;
  const now = register.now();
  const frameworks = writeFrameworks(register, pkg, knownFrameworks, now);
  const a = pkg.authority;
  const authorityId = Number(
    db
      .prepare('INSERT INTO authorities (uid, name, country, level, notes, created_at, updated_at, package_exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.uid, a.name, a.country, a.level, a.notes, a.createdAt, a.createdAt, pkg.exportedAt).lastInsertRowid,
  );
  let evidence = 0;
  for (const c of pkg.controls) {
    const controlId = insertControl(register, authorityId, c);
    for (const e of c.evidence) {
      insertEvidence(register, controlId, e);
      evidence += 1;
    }
  }
  for (const assessment of pkg.assessments) writeAssessment(register, authorityId, assessment);
  appendAudit(register, {
    action: 'import',
    entity: 'authority',
    entityId: a.uid,
    newValue: { name: a.name, controls: pkg.controls.length, evidence, assessments: pkg.assessments.length, exportedAt: pkg.exportedAt, generator: pkg.generator },
  });
  return { authorityId, authorityUid: a.uid, name: a.name, controls: pkg.controls.length, evidence, assessments: pkg.assessments.length, frameworks };
}

export function writeFrameworks(register: Register, pkg: AssessmentPackage, knownFrameworks: readonly string[], now: string): number {
  let frameworks = 0;
  for (const framework of pkg.frameworks) {
    if (knownFrameworks.includes(framework.id)) continue;
    register.db.prepare('INSERT INTO frameworks (id, version, title, definition, imported_at) VALUES (?, ?, ?, ?, ?)').run(framework.id, framework.version, framework.title, JSON.stringify(framework), now);
    frameworks += 1;
  }
  return frameworks;
}

export function insertControl(register: Register, authorityId: number, c: AssessmentPackage['controls'][number]): number {
  return Number(
    register.db
      .prepare(
        `INSERT INTO controls (uid, authority_id, family, title, description, owner, maturity, last_reviewed, stages, risk_types, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.uid, authorityId, c.family, c.title, c.description, c.owner, c.maturity, c.lastReviewed, toJsonOrNull(c.stages), toJsonOrNull(c.riskTypes), c.createdAt, c.updatedAt).lastInsertRowid,
  );
}

export function insertEvidence(register: Register, controlId: number, e: AssessmentPackage['controls'][number]['evidence'][number]): void {
  register.db
    .prepare(
      `INSERT INTO evidence (uid, control_id, title, date, expiry, file_name, file_sha256, file_size, media_type, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.uid, controlId, e.title, e.date, e.expiry, e.file?.name ?? null, e.file?.sha256 ?? null, e.file?.size ?? null, e.file?.mediaType ?? null, e.createdAt);
}

/** Inputs go in while the row is a draft; the final status (and lock) is set last, as the triggers require. */
export function writeAssessment(register: Register, authorityId: number, a: AssessmentPackage['assessments'][number]): void {
  const db = register.db;
  const id = db
    .prepare(
      `INSERT INTO assessments (uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, cloned_from, notes, created_at, updated_at, submitted_at, reviewed_at)
       VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.uid, authorityId, a.title, a.asOf, JSON.stringify(a.frameworks), a.methodology, a.methodologyVersion, a.clonedFrom, a.notes, a.createdAt, a.updatedAt, a.submittedAt, a.reviewedAt).lastInsertRowid;
  const insertInput = db.prepare(
    `INSERT INTO criterion_inputs (assessment_id, criterion_id, override_maturity, override_justification, applicable, applicability_justification, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const input of a.criteria) {
    insertInput.run(id, input.criterionId, input.override?.maturity ?? null, input.override?.justification ?? null, input.applicability ? Number(input.applicability.applicable) : null, input.applicability?.justification ?? null, input.notes);
  }
  const insertCell = db.prepare('INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) VALUES (?, ?, ?, ?, ?)');
  for (const cell of a.chain) insertCell.run(id, cell.stage, cell.riskType, cell.likelihood, cell.impact);
  writeActionsAndComments(register, Number(id), a);
  if (a.status === 'locked') {
    if (!a.lock) throw new RegisterError('invalid', `assessment ${a.uid} is locked but carries no snapshot`);
    db.prepare(
      `UPDATE assessments SET status = 'locked', snapshot = ?, digest = ?, locked_at = ?, submitted_by = ?, reviewed_by = ?, locked_by = ?,
       signature = ?, signer_key = ?, signer_name = ?, lock_head = ? WHERE id = ?`,
    ).run(canonicalJson(a.lock.snapshot), a.lock.digest, a.lockedAt, a.submittedBy ?? null, a.reviewedBy ?? null, a.lockedBy ?? null, a.lock.signature ?? null, a.lock.publicKey ?? null, a.lock.signer ?? null, a.lock.auditHead ?? null, id);
  } else if (a.status !== 'draft') {
    db.prepare('UPDATE assessments SET status = ?, submitted_by = ?, reviewed_by = ? WHERE id = ?').run(a.status, a.submittedBy ?? null, a.reviewedBy ?? null, id);
  }
}
