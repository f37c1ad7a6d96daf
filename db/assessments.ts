import { cachedStatement } from './statements.js';
import type { AssessmentRecord } from '../shared/domain/records.js';
import { randomUUID } from 'node:crypto';
import { assessmentInput, type AssessmentInput } from '../shared/domain/inputs.js';
import { defaultFrameworkIds } from '../shared/library/library.js';
import { defaultChainInputs } from '../shared/methodology/chain.js';
import { METHODOLOGY_ID, METHODOLOGY_VERSION } from '../shared/methodology/version.js';
import { appendAudit } from './audit.js';
import { getAuthority } from './authorities.js';
import { RegisterError } from './errors.js';
import { registerLibrary } from './frameworks.js';
import { inTransaction, type Register } from './register.js';
import { found } from './rows.js';
import { parseInput } from './validate.js';

export type AssessmentRow = AssessmentRecord;

const SELECT = `SELECT id, uid, authority_id AS authorityId, title, as_of AS asOf, status, frameworks, methodology,
  methodology_version AS methodologyVersion, cloned_from AS clonedFrom, notes, created_at AS createdAt, updated_at AS updatedAt,
  submitted_at AS submittedAt, reviewed_at AS reviewedAt, locked_at AS lockedAt, digest,
  submitted_by AS submittedBy, reviewed_by AS reviewedBy, locked_by AS lockedBy, signer_key AS signerKey FROM assessments`;

function decode(row: Omit<AssessmentRow, 'frameworks'> & { frameworks: string }): AssessmentRow {
  return { ...row, frameworks: JSON.parse(row.frameworks) as string[] };
}

export function listAssessments(register: Register, authorityId: number): AssessmentRow[] {
  return (cachedStatement(register.db, `${SELECT} WHERE authority_id = ? ORDER BY created_at, id`).all(authorityId) as Parameters<typeof decode>[0][]).map(decode);
}

export function getAssessment(register: Register, id: number): AssessmentRow {
  return decode(found(cachedStatement(register.db, `${SELECT} WHERE id = ?`).get(id) as Parameters<typeof decode>[0] | undefined, `assessment ${id}`));
}

export function findAssessmentByUid(register: Register, uid: string): AssessmentRow | undefined {
  const row = register.db.prepare(`${SELECT} WHERE uid = ?`).get(uid) as Parameters<typeof decode>[0] | undefined;
  return row && decode(row);
}

/** A new draft, with every chain cell at the library profile's likelihood and impact. */
export function createAssessment(register: Register, authorityId: number, input: AssessmentInput, uid: string = randomUUID()): AssessmentRow {
  const data = parseInput(assessmentInput, input, 'assessment');
  const library = registerLibrary(register);
  const frameworks = data.frameworks.length ? data.frameworks : defaultFrameworkIds(library);
  const unknown = frameworks.filter((id) => !library.frameworks.has(id));
  if (unknown.length) throw new RegisterError('invalid', `invalid assessment: frameworks: unknown framework ${unknown.map((id) => `"${id}"`).join(', ')}`);
  return inTransaction(register, () => {
    const authority = getAuthority(register, authorityId);
    const now = register.now();
    const { lastInsertRowid } = register.db
      .prepare(
        `INSERT INTO assessments (uid, authority_id, title, as_of, status, frameworks, methodology, methodology_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
      )
      .run(uid, authorityId, data.title, data.asOf, JSON.stringify(frameworks), METHODOLOGY_ID, METHODOLOGY_VERSION, now, now);
    const insertCell = register.db.prepare('INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) VALUES (?, ?, ?, ?, ?)');
    for (const cell of defaultChainInputs(library.stages, library.riskTypes, library.chainProfile)) {
      insertCell.run(lastInsertRowid, cell.stage, cell.riskType, cell.likelihood, cell.impact);
    }
    appendAudit(register, { action: 'create', entity: 'assessment', entityId: uid, newValue: { authority: authority.uid, title: data.title, asOf: data.asOf, frameworks } });
    return getAssessment(register, Number(lastInsertRowid));
  });
}
