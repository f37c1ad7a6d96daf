import { parse } from '../args.js';
import { printJson, type Output } from '../output.js';
import { InputError, UsageError } from '../errors.js';
import { digestClaimedBy } from '../verify/read-digest.js';
import { lockedDigests } from '../verify/locked-digests.js';


/**
 * Recomputes the digest of each locked assessment in a package or register
 * and, given a report (or a digest), says whether the report's digest matches.
 * Exit 0 when everything checked is intact and matches, 1 otherwise.
 */
export async function verifyCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(argv, { assessment: { type: 'string' }, report: { type: 'string' }, digest: { type: 'string' } }, 1);
  if (values.report && values.digest) throw new UsageError('give --report or --digest, not both');
  if (typeof values.digest === 'string' && !/^[0-9a-f]{64}$/.test(values.digest)) throw new UsageError('--digest must be 64 lower-case hex digits');
  let checks = lockedDigests(positionals[0]!);
  if (typeof values.assessment === 'string') checks = checks.filter((c) => c.uid === values.assessment);
  if (checks.length === 0) throw new InputError(`${positionals[0]} holds no locked assessment${values.assessment ? ` "${String(values.assessment)}"` : ''} to verify`);
  const claimed = typeof values.report === 'string' ? await digestClaimedBy(values.report) : typeof values.digest === 'string' ? values.digest : null;
  const matching = claimed === null ? null : checks.find((c) => c.recomputed === claimed) ?? null;
  const ok = checks.every((c) => c.intact) && (claimed === null || (matching !== null && matching.intact));
  if (values.json) {
    printJson(io, { ok, assessments: checks, claimed, matches: claimed === null ? null : matching?.uid ?? false });
  } else {
    for (const c of checks) io.out(`${c.intact ? 'intact ' : 'ALTERED'}  ${c.uid}  "${c.title}"  ${c.recomputed}${c.intact ? '' : `  (stored ${c.stored})`}`);
    if (claimed !== null) {
      io.out(
        matching
          ? `The report's digest ${claimed} matches locked assessment ${matching.uid}${matching.intact ? '.' : ', but that assessment was altered.'}`
          : `The report's digest ${claimed} matches NO locked assessment in ${positionals[0]}: the report or the data was changed.`,
      );
    }
  }
  return ok ? 0 : 1;
}
