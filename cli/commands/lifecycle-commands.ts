import { cloneAssessment, lockAssessment, transitionAssessment } from '../../db/lifecycle.js';
import type { AssessmentRow } from '../../db/assessments.js';
import type { Register } from '../../db/register.js';
import { fingerprint } from '../../shared/signing/ed25519.js';
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
  run(argv, io, {}, (r, id) => transitionAssessment(r, id, 'submitted'), (row) => `Assessment ${row.id} "${row.title}" submitted for review by ${row.submittedBy}.`);
}

const OVERRIDE = { 'override-reason': { type: 'string' } } as const;
const override = (values: Record<string, unknown>) => ({ fourEyesOverride: typeof values['override-reason'] === 'string' ? values['override-reason'] : null });

export function reviewCommand(argv: string[], io: Output): void {
  run(argv, io, OVERRIDE, (r, id, v) => transitionAssessment(r, id, 'reviewed', undefined, undefined, override(v)), (row) => `Assessment ${row.id} "${row.title}" marked reviewed by ${row.reviewedBy}; it can now be locked.`);
}

export function returnCommand(argv: string[], io: Output): void {
  run(argv, io, { reason: { type: 'string' } }, (r, id, v) => transitionAssessment(r, id, 'draft', requireString(v, 'reason')), (row) => `Assessment ${row.id} "${row.title}" returned to draft.`);
}

export function lockCommand(argv: string[], io: Output): void {
  run(
    argv,
    io,
    OVERRIDE,
    (r, id, v) => lockAssessment(r, id, override(v)),
    (row) =>
      `Assessment ${row.id} "${row.title}" locked by ${row.lockedBy}.\nSHA-256 of its snapshot: ${row.digest}\n${row.signerKey ? `Signed with key ${fingerprint(row.signerKey)}.` : 'NOT signed: no signing key is available on this machine (see "permit-integrity key").'}`,
  );
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
