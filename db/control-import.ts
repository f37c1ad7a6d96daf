import { randomUUID } from 'node:crypto';
import type { CsvTable } from '../shared/import/csv-parse.js';
import { mappingProblems, normaliseHeader, type ControlMapping } from '../shared/import/control-mapping.js';
import { controlRowReader, type ImportVocabulary, type RowProblem } from '../shared/import/control-rows.js';
import type { ControlInput } from '../shared/domain/inputs.js';
import { familyList } from '../shared/library/library.js';
import type { ControlImportPlan, ControlImportRow } from '../shared/domain/records.js';
import { rejectedText } from '../shared/import/rejected-text.js';
import { appendAudit } from './audit.js';
import { getAuthority } from './authorities.js';
import { createControl, listControls, updateControl, type ControlRow } from './controls.js';
import { RegisterError } from './errors.js';
import { registerLibrary } from './frameworks.js';
import { inTransaction, type Register } from './register.js';

export function importVocabulary(register: Register): ImportVocabulary {
  const library = registerLibrary(register);
  return { families: familyList(library), stages: library.stages, riskTypes: library.riskTypes };
}

const SAME_FIELDS = ['family', 'title', 'description', 'owner', 'maturity', 'lastReviewed', 'stages', 'riskTypes'] as const;

function sameControl(row: ControlRow, input: ControlInput): boolean {
  return SAME_FIELDS.every((f) => JSON.stringify(row[f] ?? null) === JSON.stringify(input[f] ?? null));
}

interface PlannedRow extends ControlImportRow {
  control: ControlInput | null;
  targetId: number | null;
}

/**
 * What importing this sheet into an authority would do, row by row: create,
 * update (matched by ID, else by a title that names exactly one control),
 * unchanged, or rejected with each problem. Nothing is written.
 */
function planRows(register: Register, authorityId: number, table: CsvTable, mapping: ControlMapping): PlannedRow[] {
  getAuthority(register, authorityId);
  if (!table.rows.length) throw new RegisterError('invalid', 'the file has a header but no rows to import');
  const existing = listControls(register, authorityId);
  const byUid = new Map(existing.map((c) => [c.uid, c]));
  const byTitle = new Map<string, ControlRow[]>();
  for (const c of existing) byTitle.set(normaliseHeader(c.title), [...(byTitle.get(normaliseHeader(c.title)) ?? []), c]);
  const uidElsewhere = register.db.prepare('SELECT 1 FROM controls WHERE uid = ? AND authority_id <> ?');
  const read = controlRowReader(importVocabulary(register), register.now().slice(0, 10));
  const claimed = new Map<string, number>();
  return table.rows.map(({ line, cells }) => {
    const parsed = read(line, cells, mapping);
    const rowProblems: RowProblem[] = [...parsed.problems];
    let target: ControlRow | undefined;
    if (parsed.uid) {
      target = byUid.get(parsed.uid);
      if (!target && uidElsewhere.get(parsed.uid, authorityId)) rowProblems.push({ field: 'uid', message: `"${parsed.uid}" is a control of another authority` });
    } else if (parsed.control) {
      const matches = byTitle.get(normaliseHeader(parsed.control.title)) ?? [];
      if (matches.length > 1) rowProblems.push({ field: 'title', message: `matches ${matches.length} controls of this authority; add the ID column to say which` });
      target = matches.length === 1 ? matches[0] : undefined;
    }
    const key = parsed.uid ?? (target ? target.uid : `title:${normaliseHeader(parsed.control?.title ?? '')}`);
    const earlier = claimed.get(key);
    if (earlier !== undefined && (parsed.uid || parsed.control)) rowProblems.push({ field: parsed.uid ? 'uid' : 'title', message: `the same control as line ${earlier}` });
    else claimed.set(key, line);
    const title = parsed.control?.title ?? (mapping.title === null ? '' : (cells[mapping.title] ?? '').trim());
    if (rowProblems.length) return { line, uid: parsed.uid, title, action: 'rejected', problems: rowProblems, control: null, targetId: null };
    const action = !target ? 'create' : sameControl(target, parsed.control!) ? 'unchanged' : 'update';
    return { line, uid: parsed.uid ?? target?.uid ?? null, title, action, problems: [], control: parsed.control, targetId: target?.id ?? null };
  });
}

function summarise(rows: PlannedRow[], headers: string[], mapping: ControlMapping, problems: string[] = []): ControlImportPlan {
  const count = (action: ControlImportRow['action']) => rows.filter((r) => r.action === action).length;
  return {
    headers,
    mapping,
    mappingProblems: problems,
    rows: rows.map(({ control: _c, targetId: _t, ...row }) => row),
    counts: { create: count('create'), update: count('update'), unchanged: count('unchanged'), rejected: count('rejected') },
  };
}

/** An incomplete mapping is not an error here: the preview shows it so the user can complete it. */
export function previewControlImport(register: Register, authorityId: number, table: CsvTable, mapping: ControlMapping): ControlImportPlan {
  const problems = mappingProblems(table.headers, mapping);
  if (problems.length) return summarise([], table.headers, mapping, problems);
  return summarise(planRows(register, authorityId, table, mapping), table.headers, mapping);
}

/** Names every rejected row by its line and field, so the user can fix the file. */
/** All or nothing: one rejected row and nothing is written; otherwise every row in one transaction, audited. */
export function applyControlImport(register: Register, authorityId: number, table: CsvTable, mapping: ControlMapping, source: string): ControlImportPlan {
  const problems = mappingProblems(table.headers, mapping);
  if (problems.length) throw new RegisterError('invalid', `the column mapping is incomplete: ${problems.join('; ')}`);
  const rows = planRows(register, authorityId, table, mapping);
  const plan = summarise(rows, table.headers, mapping);
  if (plan.counts.rejected) {
    throw new RegisterError('invalid', `${plan.counts.rejected} of ${rows.length} rows rejected; nothing was imported:\n${rejectedText(plan)}`);
  }
  inTransaction(register, () => {
    for (const row of rows) {
      if (row.action === 'create') createControl(register, authorityId, row.control!, row.uid ?? randomUUID());
      else if (row.action === 'update') updateControl(register, row.targetId!, row.control!);
    }
    const authority = getAuthority(register, authorityId);
    appendAudit(register, { action: 'import', entity: 'authority', entityId: authority.uid, field: 'controls', newValue: { source, ...plan.counts } });
  });
  return plan;
}
