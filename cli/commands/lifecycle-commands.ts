import type { AssessmentRecord } from '../../shared/domain/records.js';
import { fingerprint } from '../../shared/signing/ed25519.js';
import type { CliApi } from '../api-call.js';
import { optionalDate, parse, requireId, requireString } from '../args.js';
import { printJson, withApi, type Output } from '../context.js';

const OPTIONS = { db: { type: 'string' }, actor: { type: 'string' }, assessment: { type: 'string' } } as const;

/** Each step is one API call, the one the app makes: same validation, same four-eyes rule, same audit rows. */
async function run(
  argv: string[],
  io: Output,
  extra: Record<string, { type: 'string' }>,
  act: (api: CliApi, id: number, values: Record<string, unknown>) => Promise<AssessmentRecord>,
  say: (row: AssessmentRecord) => string,
): Promise<void> {
  const { values } = parse(argv, { ...OPTIONS, ...extra });
  const id = requireId(values, 'assessment');
  const row = await withApi(values, (api) => act(api, id, values));
  if (values.json) return printJson(io, row);
  io.out(say(row));
}

const OVERRIDE = { 'override-reason': { type: 'string' } } as const;
/** --override-reason: why the four-eyes rule is set aside for this step (logged). */
const override = (values: Record<string, unknown>) => (typeof values['override-reason'] === 'string' ? { fourEyesOverride: values['override-reason'] } : {});

export function submitCommand(argv: string[], io: Output): Promise<void> {
  return run(argv, io, {}, (api, id) => api('assessments.transition', { id, to: 'submitted' }), (row) => `Assessment ${row.id} "${row.title}" submitted for review by ${row.submittedBy}.`);
}

export function reviewCommand(argv: string[], io: Output): Promise<void> {
  return run(
    argv,
    io,
    OVERRIDE,
    (api, id, v) => api('assessments.transition', { id, to: 'reviewed', ...override(v) }),
    (row) => `Assessment ${row.id} "${row.title}" marked reviewed by ${row.reviewedBy}; it can now be locked.`,
  );
}

export function returnCommand(argv: string[], io: Output): Promise<void> {
  return run(
    argv,
    io,
    { reason: { type: 'string' } },
    (api, id, v) => api('assessments.transition', { id, to: 'draft', justification: requireString(v, 'reason') }),
    (row) => `Assessment ${row.id} "${row.title}" returned to draft.`,
  );
}

export function lockCommand(argv: string[], io: Output): Promise<void> {
  return run(
    argv,
    io,
    OVERRIDE,
    (api, id, v) => api('assessments.lock', { id, ...override(v) }),
    (row) =>
      `Assessment ${row.id} "${row.title}" locked by ${row.lockedBy}.\nSHA-256 of its snapshot: ${row.digest}\n${row.signerKey ? `Signed with key ${fingerprint(row.signerKey)}.` : 'NOT signed: no signing key is available on this machine (see "permit-integrity key").'}`,
  );
}

export function cloneCommand(argv: string[], io: Output): Promise<void> {
  return run(
    argv,
    io,
    { 'as-of': { type: 'string' }, title: { type: 'string' } },
    (api, id, v) => api('assessments.clone', { id, ...(optionalDate(v, 'as-of') ? { asOf: optionalDate(v, 'as-of') } : {}), ...(typeof v.title === 'string' ? { title: v.title } : {}) }),
    (row) => `New draft ${row.id} "${row.title}" as of ${row.asOf}, cloned from ${row.clonedFrom}.`,
  );
}
