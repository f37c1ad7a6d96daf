import type { PackagePreview, PackageUpdatePlan } from '../shared/domain/records.js';
import type { AssessmentPackage } from '../shared/package/schema.js';
import { PackageValidationError, validatePackage } from '../shared/package/validate.js';
import { appendAudit } from './audit.js';
import { listAssessments } from './assessments.js';
import { findAuthorityByUid } from './authorities.js';
import { listControls } from './controls.js';
import { RegisterError } from './errors.js';
import { listEvidenceForAuthority } from './evidence.js';
import { listCustomFrameworks } from './frameworks.js';
import { frameworkClashes, importPackage, insertControl, insertEvidence, writeAssessment, writeFrameworks, type ImportOptions } from './package-import.js';
import { inTransaction, type Register } from './register.js';
import { toJsonOrNull } from './rows.js';
import { applyTrust, packageTrust } from './trust.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const CONTROL_FIELDS = ['family', 'title', 'description', 'owner', 'maturity', 'lastReviewed', 'stages', 'riskTypes'] as const;
const EVIDENCE_FIELDS = ['title', 'date', 'expiry'] as const;
const AUTHORITY_FIELDS = ['name', 'country', 'level', 'notes'] as const;

/** The rows of another authority that carry one of these uids: an update may never take them over. */
function foreignUids(register: Register, table: 'controls' | 'assessments', uids: string[], authorityId: number): string[] {
  const check = register.db.prepare(`SELECT 1 FROM ${table} WHERE uid = ? AND authority_id <> ?`);
  return uids.filter((uid) => check.get(uid, authorityId) !== undefined);
}

function packageOf(register: Register, data: unknown) {
  const existing = listCustomFrameworks(register);
  const { pkg } = validatePackage(data, existing);
  const clashes = frameworkClashes(pkg, existing);
  if (clashes.length) throw new PackageValidationError(clashes);
  return { pkg, knownFrameworks: existing.map((f) => f.id) };
}

/**
 * Compares a newer package of an authority with what the register holds.
 * Refused, with the reason: a package not newer than the one held, an
 * authority created here (not from a package), a locked assessment held here
 * that the package lacks or changes, and any uid that belongs to another
 * authority.
 */
export function planPackageUpdate(register: Register, pkg: AssessmentPackage): PackageUpdatePlan {
  const authority = findAuthorityByUid(register, pkg.authority.uid);
  if (!authority) throw new RegisterError('not_found', `authority "${pkg.authority.name}" (${pkg.authority.uid}) is not in this register: import the package instead of updating`);
  const held = (register.db.prepare('SELECT package_exported_at AS at FROM authorities WHERE id = ?').get(authority.id) as { at: string | null }).at;
  const refuse = (reason: string): never => {
    throw new RegisterError('conflict', `cannot update "${authority.name}" from this package: ${reason}; nothing was changed`);
  };
  if (held === null) refuse('the authority was created in this register, not imported from a package, so a package would overwrite work done here');
  if (pkg.exportedAt === held) refuse(`this package (exported ${pkg.exportedAt}) is the one already imported`);
  if (pkg.exportedAt < held!) refuse(`this package was exported ${pkg.exportedAt}, before the one already imported (${held}); it is older`);

  const controls = listControls(register, authority.id);
  const evidence = listEvidenceForAuthority(register, authority.id);
  const assessments = listAssessments(register, authority.id);
  const incomingAssessments = new Map(pkg.assessments.map((a) => [a.uid, a]));
  const problems: string[] = [];
  const locksKept: PackageUpdatePlan['assessments']['locksKept'] = [];
  for (const a of assessments.filter((x) => x.status === 'locked')) {
    const incoming = incomingAssessments.get(a.uid);
    if (!incoming) problems.push(`locked assessment "${a.title}" (${a.uid}) is held here but missing from the package`);
    else if (incoming.status !== 'locked' || incoming.lock?.digest !== a.digest) problems.push(`locked assessment "${a.title}" (${a.uid}) differs in the package (digest ${incoming.lock?.digest ?? 'none'} instead of ${a.digest})`);
    else locksKept.push({ uid: a.uid, title: a.title, digest: a.digest! });
  }
  for (const uid of foreignUids(register, 'controls', pkg.controls.map((c) => c.uid), authority.id)) problems.push(`control ${uid} belongs to another authority here`);
  for (const uid of foreignUids(register, 'assessments', pkg.assessments.map((a) => a.uid), authority.id)) problems.push(`assessment ${uid} belongs to another authority here`);
  const evidenceHere = new Set(evidence.map((e) => e.uid));
  const evidenceElsewhere = register.db.prepare('SELECT 1 FROM evidence WHERE uid = ?');
  for (const e of pkg.controls.flatMap((c) => c.evidence)) if (!evidenceHere.has(e.uid) && evidenceElsewhere.get(e.uid)) problems.push(`evidence ${e.uid} belongs to another authority here`);
  if (problems.length) refuse(problems.join('; '));

  const heldControls = new Map(controls.map((c) => [c.uid, c]));
  const incomingControls = new Set(pkg.controls.map((c) => c.uid));
  const heldEvidence = new Map(evidence.map((e) => [e.uid, e]));
  const controlUidOf = new Map(controls.map((c) => [c.id, c.uid]));
  const incomingEvidence = pkg.controls.flatMap((c) => c.evidence.map((e) => ({ ...e, controlUid: c.uid })));
  const heldAssessments = new Map(assessments.map((a) => [a.uid, a]));
  return {
    authorityId: authority.id,
    authorityUid: authority.uid,
    name: authority.name,
    heldExportedAt: held!,
    incomingExportedAt: pkg.exportedAt,
    authorityChanged: AUTHORITY_FIELDS.filter((f) => !same(authority[f], pkg.authority[f])),
    controls: {
      added: pkg.controls.filter((c) => !heldControls.has(c.uid)).map((c) => c.title),
      changed: pkg.controls.filter((c) => heldControls.has(c.uid) && CONTROL_FIELDS.some((f) => !same(heldControls.get(c.uid)![f], c[f]))).map((c) => c.title),
      removed: controls.filter((c) => !incomingControls.has(c.uid)).map((c) => c.title),
    },
    evidence: {
      added: incomingEvidence.filter((e) => !heldEvidence.has(e.uid)).length,
      changed: incomingEvidence.filter((e) => {
        const mine = heldEvidence.get(e.uid);
        return mine && (EVIDENCE_FIELDS.some((f) => !same(mine[f], e[f])) || controlUidOf.get(mine.controlId) !== e.controlUid || !same(mine.fileSha256, e.file?.sha256));
      }).length,
      removed: evidence.filter((e) => !incomingEvidence.some((i) => i.uid === e.uid)).length,
    },
    assessments: {
      added: pkg.assessments.filter((a) => !heldAssessments.has(a.uid)).map((a) => ({ uid: a.uid, title: a.title, status: a.status })),
      changed: pkg.assessments
        .filter((a) => heldAssessments.get(a.uid) && heldAssessments.get(a.uid)!.status !== 'locked')
        .map((a) => ({ uid: a.uid, title: a.title, from: heldAssessments.get(a.uid)!.status, to: a.status })),
      removed: assessments.filter((a) => !incomingAssessments.has(a.uid)).map((a) => ({ uid: a.uid, title: a.title, status: a.status })),
      locksKept,
      newLocks: pkg.assessments.filter((a) => a.status === 'locked' && heldAssessments.get(a.uid)?.status !== 'locked').map((a) => ({ uid: a.uid, title: a.title, digest: a.lock!.digest })),
    },
    frameworks: pkg.frameworks.filter((f) => !listCustomFrameworks(register).some((k) => k.id === f.id)).length,
  };
}

/** What importing this package would do: add a new authority, or update one held (with the diff). */
export function previewPackage(register: Register, data: unknown): PackagePreview {
  const { pkg } = packageOf(register, data);
  const trust = packageTrust(register, pkg);
  if (findAuthorityByUid(register, pkg.authority.uid)) return { kind: 'update', ...planPackageUpdate(register, pkg), trust };
  return {
    kind: 'new',
    trust,
    name: pkg.authority.name,
    authorityUid: pkg.authority.uid,
    exportedAt: pkg.exportedAt,
    controls: pkg.controls.length,
    evidence: pkg.controls.reduce((n, c) => n + c.evidence.length, 0),
    assessments: pkg.assessments.length,
  };
}

/** New authority: the ordinary import. Held authority: the update. */
export function importOrUpdatePackage(register: Register, data: unknown, options: ImportOptions = {}): PackagePreview {
  const preview = previewPackage(register, data);
  if (preview.kind === 'new') {
    importPackage(register, data, options);
    return preview;
  }
  return { kind: 'update', ...updateFromPackage(register, data, options), trust: preview.trust };
}

/**
 * Brings an authority to the state of a newer package, in one transaction:
 * authority fields, controls and evidence (evidence files stored here are
 * kept), drafts replaced, new assessments added. Locked assessments held here
 * are not touched at all, so they stay byte-identical. New locks go through
 * the trust list first, as on import.
 */
export function updateFromPackage(register: Register, data: unknown, options: ImportOptions = {}): PackageUpdatePlan {
  const { pkg, knownFrameworks } = packageOf(register, data);
  const plan = planPackageUpdate(register, pkg);
  const db = register.db;
  const id = plan.authorityId;
  inTransaction(register, () => {
    // An update is a package like any other: new locks under a key other than the trusted one need a reason.
    applyTrust(register, pkg, options.acceptKeyChange);
    writeFrameworks(register, pkg, knownFrameworks, register.now());
    const a = pkg.authority;
    db.prepare('UPDATE authorities SET name = ?, country = ?, level = ?, notes = ?, updated_at = ?, package_exported_at = ? WHERE id = ?').run(a.name, a.country, a.level, a.notes, register.now(), pkg.exportedAt, id);

    const heldControls = new Map(listControls(register, id).map((c) => [c.uid, c]));
    const heldEvidence = new Map(listEvidenceForAuthority(register, id).map((e) => [e.uid, e]));
    const keepControls = new Set(pkg.controls.map((c) => c.uid));
    const keepEvidence = new Set(pkg.controls.flatMap((c) => c.evidence.map((e) => e.uid)));
    for (const [uid, e] of heldEvidence) if (!keepEvidence.has(uid)) db.prepare('DELETE FROM evidence WHERE id = ?').run(e.id);
    for (const [uid, c] of heldControls) if (!keepControls.has(uid)) db.prepare('DELETE FROM controls WHERE id = ?').run(c.id);
    for (const c of pkg.controls) {
      const mine = heldControls.get(c.uid);
      let controlId: number;
      if (mine) {
        controlId = mine.id;
        db.prepare('UPDATE controls SET family = ?, title = ?, description = ?, owner = ?, maturity = ?, last_reviewed = ?, stages = ?, risk_types = ?, updated_at = ? WHERE id = ?').run(
          c.family, c.title, c.description, c.owner, c.maturity, c.lastReviewed, toJsonOrNull(c.stages), toJsonOrNull(c.riskTypes), c.updatedAt, mine.id,
        );
      } else controlId = insertControl(register, id, c);
      for (const e of c.evidence) {
        const held = heldEvidence.get(e.uid);
        if (!held) insertEvidence(register, controlId, e);
        else {
          // A stored file whose fingerprint the package changes no longer belongs to this evidence.
          if (held.fileSha256 !== (e.file?.sha256 ?? null)) db.prepare('DELETE FROM evidence_files WHERE evidence_id = ?').run(held.id);
          db.prepare('UPDATE evidence SET control_id = ?, title = ?, date = ?, expiry = ?, file_name = ?, file_sha256 = ?, file_size = ?, media_type = ? WHERE id = ?').run(
            controlId, e.title, e.date, e.expiry, e.file?.name ?? null, e.file?.sha256 ?? null, e.file?.size ?? null, e.file?.mediaType ?? null, held.id,
          );
        }
      }
    }

    const heldAssessments = new Map(listAssessments(register, id).map((x) => [x.uid, x]));
    const incoming = new Set(pkg.assessments.map((x) => x.uid));
    for (const [uid, held] of heldAssessments) if (held.status !== 'locked' && !incoming.has(uid)) db.prepare('DELETE FROM assessments WHERE id = ?').run(held.id);
    for (const assessment of pkg.assessments) {
      const held = heldAssessments.get(assessment.uid);
      if (held?.status === 'locked') continue;
      if (held) db.prepare('DELETE FROM assessments WHERE id = ?').run(held.id);
      writeAssessment(register, id, assessment);
    }
    appendAudit(register, {
      action: 'import',
      entity: 'authority',
      entityId: plan.authorityUid,
      field: 'update',
      oldValue: { exportedAt: plan.heldExportedAt },
      newValue: {
        exportedAt: plan.incomingExportedAt,
        generator: pkg.generator,
        authorityChanged: plan.authorityChanged,
        controls: plan.controls,
        evidence: plan.evidence,
        assessments: { added: plan.assessments.added.map((x) => x.uid), changed: plan.assessments.changed.map((x) => x.uid), removed: plan.assessments.removed.map((x) => x.uid), locksKept: plan.assessments.locksKept.map((x) => x.uid) },
      },
    });
  });
  return plan;
}
