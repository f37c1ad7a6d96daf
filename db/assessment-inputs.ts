import { cachedStatement } from './statements.js';
import { z } from 'zod';
import { applicabilityInput, chainCellInput, overrideInput } from '../shared/domain/inputs.js';
import { criteriaOf } from '../shared/library/library.js';
import { inputsEditable } from '../shared/methodology/lifecycle.js';
import type { ChainInput, CriterionInput } from '../shared/snapshot/schema.js';
import { isoDate } from '../shared/snapshot/schema.js';
import { appendAudit } from './audit.js';
import { getAssessment, type AssessmentRow } from './assessments.js';
import { RegisterError } from './errors.js';
import { registerLibrary } from './frameworks.js';
import { inTransaction, type Register } from './register.js';
import { parseInput } from './validate.js';

interface RawInput {
  criterionId: string;
  overrideMaturity: number | null;
  overrideJustification: string | null;
  applicable: number | null;
  applicabilityJustification: string | null;
  notes: string;
}

export function listCriterionInputs(register: Register, assessmentId: number): CriterionInput[] {
  const rows = cachedStatement(
    register.db,
    `SELECT criterion_id AS criterionId, override_maturity AS overrideMaturity, override_justification AS overrideJustification,
     applicable, applicability_justification AS applicabilityJustification, notes
     FROM criterion_inputs WHERE assessment_id = ? ORDER BY criterion_id`,
  ).all(assessmentId) as RawInput[];
  return rows.map((row) => ({
    criterionId: row.criterionId,
    override: row.overrideMaturity === null ? null : { maturity: row.overrideMaturity, justification: row.overrideJustification ?? '' },
    applicability: row.applicable === null ? null : { applicable: row.applicable === 1, justification: row.applicabilityJustification ?? '' },
    notes: row.notes,
  }));
}

export function listChainInputs(register: Register, assessmentId: number): ChainInput[] {
  return cachedStatement(register.db, 'SELECT stage, risk_type AS riskType, likelihood, impact FROM chain_cells WHERE assessment_id = ? ORDER BY rowid')
    .all(assessmentId) as ChainInput[];
}

/** Inputs change only on a draft: the lifecycle rule first, the database triggers behind it. */
function editableDraft(register: Register, assessmentId: number): AssessmentRow {
  const assessment = getAssessment(register, assessmentId);
  if (!inputsEditable(assessment.status)) {
    throw new RegisterError(assessment.status === 'locked' ? 'locked' : 'conflict', `assessment ${assessmentId} is ${assessment.status}; only a draft can be changed${assessment.status === 'locked' ? ' (clone it to re-assess)' : ' (return it to draft first)'}`);
  }
  return assessment;
}

function criterionInScope(register: Register, assessment: AssessmentRow, criterionId: string): void {
  const ids = criteriaOf(registerLibrary(register), assessment.frameworks).map((c) => c.id);
  if (!ids.includes(criterionId)) throw new RegisterError('invalid', `criterion: "${criterionId}" is not a criterion of this assessment's frameworks`);
}

function currentInput(register: Register, assessmentId: number, criterionId: string): CriterionInput {
  return listCriterionInputs(register, assessmentId).find((i) => i.criterionId === criterionId) ?? { criterionId, override: null, applicability: null, notes: '' };
}

function writeInput(register: Register, assessmentId: number, input: CriterionInput): void {
  register.db
    .prepare(
      `INSERT INTO criterion_inputs (assessment_id, criterion_id, override_maturity, override_justification, applicable, applicability_justification, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (assessment_id, criterion_id) DO UPDATE SET override_maturity = excluded.override_maturity,
         override_justification = excluded.override_justification, applicable = excluded.applicable,
         applicability_justification = excluded.applicability_justification, notes = excluded.notes`,
    )
    .run(
      assessmentId,
      input.criterionId,
      input.override?.maturity ?? null,
      input.override?.justification ?? null,
      input.applicability ? (input.applicability.applicable ? 1 : 0) : null,
      input.applicability?.justification ?? null,
      input.notes,
    );
}

type Field = 'override' | 'applicability' | 'notes';

function changeCriterion(register: Register, assessmentId: number, criterionId: string, field: Field, value: CriterionInput[Field]): CriterionInput {
  return inTransaction(register, () => {
    const assessment = editableDraft(register, assessmentId);
    criterionInScope(register, assessment, criterionId);
    const before = currentInput(register, assessmentId, criterionId);
    const after = { ...before, [field]: value } as CriterionInput;
    writeInput(register, assessmentId, after);
    const justification = field === 'notes' ? null : ((value as { justification?: string } | null)?.justification ?? null);
    appendAudit(register, { action: 'update', entity: 'criterion', entityId: `${assessment.uid}/${criterionId}`, field, oldValue: before[field], newValue: value, justification });
    register.db.prepare('UPDATE assessments SET updated_at = ? WHERE id = ?').run(register.now(), assessmentId);
    return after;
  });
}

/** Sets (or with null clears) an override; a justification is required and audited. */
export function setOverride(register: Register, assessmentId: number, criterionId: string, override: unknown): CriterionInput {
  const value = override === null ? null : parseInput(overrideInput, override, 'override');
  return changeCriterion(register, assessmentId, criterionId, 'override', value);
}

/** Marks a criterion applicable or not against the library default, with a justification; null restores the default. */
export function setApplicability(register: Register, assessmentId: number, criterionId: string, applicability: unknown): CriterionInput {
  const value = applicability === null ? null : parseInput(applicabilityInput, applicability, 'applicability');
  return changeCriterion(register, assessmentId, criterionId, 'applicability', value);
}

export function setCriterionNotes(register: Register, assessmentId: number, criterionId: string, notes: unknown): CriterionInput {
  return changeCriterion(register, assessmentId, criterionId, 'notes', parseInput(z.string().max(100_000), notes, 'notes'));
}

export function setChainCell(register: Register, assessmentId: number, cell: unknown): ChainInput {
  const data = parseInput(chainCellInput, cell, 'chain cell');
  return inTransaction(register, () => {
    const assessment = editableDraft(register, assessmentId);
    const library = registerLibrary(register);
    if (!library.stages.some((s) => s.id === data.stage)) throw new RegisterError('invalid', `invalid chain cell: stage: unknown stage "${data.stage}"`);
    if (!library.riskTypes.some((r) => r.id === data.riskType)) throw new RegisterError('invalid', `invalid chain cell: riskType: unknown risk type "${data.riskType}"`);
    const before = listChainInputs(register, assessmentId).find((c) => c.stage === data.stage && c.riskType === data.riskType) ?? null;
    register.db
      .prepare(
        `INSERT INTO chain_cells (assessment_id, stage, risk_type, likelihood, impact) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (assessment_id, stage, risk_type) DO UPDATE SET likelihood = excluded.likelihood, impact = excluded.impact`,
      )
      .run(assessmentId, data.stage, data.riskType, data.likelihood, data.impact);
    appendAudit(register, {
      action: 'update',
      entity: 'chain',
      entityId: `${assessment.uid}/${data.stage}/${data.riskType}`,
      oldValue: before && { likelihood: before.likelihood, impact: before.impact },
      newValue: { likelihood: data.likelihood, impact: data.impact },
    });
    return data;
  });
}

export function updateAssessmentDetails(register: Register, assessmentId: number, details: unknown): AssessmentRow {
  const data = parseInput(z.object({ title: z.string().trim().min(1).max(300), asOf: isoDate, notes: z.string().max(100_000) }).partial(), details, 'assessment');
  return inTransaction(register, () => {
    const before = editableDraft(register, assessmentId);
    const columns = { title: 'title', asOf: 'as_of', notes: 'notes' } as const;
    for (const key of Object.keys(data) as Array<keyof typeof columns>) {
      if (data[key] === undefined || data[key] === before[key]) continue;
      register.db.prepare(`UPDATE assessments SET ${columns[key]} = ?, updated_at = ? WHERE id = ?`).run(data[key], register.now(), assessmentId);
      appendAudit(register, { action: 'update', entity: 'assessment', entityId: before.uid, field: key, oldValue: before[key], newValue: data[key] });
    }
    return getAssessment(register, assessmentId);
  });
}
