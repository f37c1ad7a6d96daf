import { cloneAssessment, lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import type { AssessmentRow } from '../../db/assessments.js';
import type { Register } from '../../db/register.js';
import { optionalDate, parse, requireId, requireString } from '../args.js';
import { printJson, withRegister, type Output } from '../context.js';

const OPTIONS = { db: { type: 'string' }, actor: { type: 'string' }, assessment: { type: 'string' } } as const;

function run(argv: string[], io: Output, extra: Record<string, { type: 'string' }>, act: (register: Register, id: number, values: Record<string, unknown>) => AssessmentRow, say: (row: AssessmentRow) => string): void {
  const { values } = parse(argv, { ...OPTIONS, ...extra });
  const id = requireId(values, 'assessment');
  const row = withRegister(values, (register) => act(register, id, values));
  if (values.json) return printJson(io, row);
  io.out(say(row));
}

export function submitCommand(argv: string[], io: Output): void {
  run(argv, io, {}, (r, id) => transitionAssessment(r, id, 'submitted'), (row) => `Assessment ${row.id} "${row.title}" submitted for review.`);
}

export function reviewCommand(argv: string[], io: Output): void {
  run(argv, io, {}, (r, id) => transitionAssessment(r, id, 'reviewed'), (row) => `Assessment ${row.id} "${row.title}" marked reviewed; it can now be locked.`);
}

export function returnCommand(argv: string[], io: Output): void {
  run(argv, io, { reason: { type: 'string' } }, (r, id, v) => transitionAssessment(r, id, 'draft', requireString(v, 'reason')), (row) => `Assessment ${row.id} "${row.title}" returned to draft.`);
}

export function lockCommand(argv: string[], io: Output): void {
  run(argv, io, {}, (r, id) => lockAssessment(r, id), (row) => `Assessment ${row.id} "${row.title}" locked.\nSHA-256 of its snapshot: ${row.digest}`);
}

export function cloneCommand(argv: string[], io: Output): void {
  run(
    argv,
    io,
    { 'as-of': { type: 'string' }, title: { type: 'string' } },
    (r, id, v) => cloneAssessment(r, id, { asOf: optionalDate(v, 'as-of'), title: typeof v.title === 'string' ? v.title : undefined }),
    (row) => `New draft ${row.id} "${row.title}" as of ${row.asOf}, cloned from ${row.clonedFrom}.`,
  );
}
