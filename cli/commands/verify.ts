import { parse } from '../args.js';
import { printJson, type Output } from '../output.js';
import { InputError, UsageError } from '../errors.js';
import { checkReportBinding } from '../verify/report-binding.js';
import { claimedDigest, figureCheck, openReport } from '../verify/report-claims.js';
import { readableFile } from '../verify/readable-file.js';
import { lockedDigests, type LockedCheck } from '../verify/locked-digests.js';
import { fingerprint, verifySignature, type SignatureStatus } from '../../shared/signing/ed25519.js';

/** valid / unsigned / invalid, checked against the stored digest (a forged digest fails here even when recomputed). */
function withSignatureStatus(check: LockedCheck): LockedCheck & { signatureStatus: SignatureStatus; signer: string | null; fingerprint: string | null } {
  const s = check.signature ?? null;
  const status = verifySignature(s?.key, s?.signature, 'lock', check.stored);
  return { ...check, signatureStatus: status, signer: s?.signer ?? null, fingerprint: s && /^[0-9a-f]{64}$/.test(s.key) ? fingerprint(s.key) : null };
}

function signatureLine(c: ReturnType<typeof withSignatureStatus>): string {
  if (c.signatureStatus === 'valid') return `signature valid: signed by ${c.signer ?? 'an unnamed signer'} with key ${c.fingerprint}`;
  if (c.signatureStatus === 'unsigned') return 'UNSIGNED: nothing shows who locked it; anyone can recompute a digest';
  return `signature INVALID${c.fingerprint ? ` for key ${c.fingerprint}` : ''}: the lock was altered after signing`;
}

const listed = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? 'figures'));

/**
 * Recomputes the digest of each locked assessment in a package or register
 * and, given a report (or a digest), says whether the report's digest matches,
 * whether the report file is the one exported, and whether the figures it
 * prints are those of the locked assessment.
 * Exit 0 when everything checked is intact and matches, 1 otherwise.
 */
export async function verifyCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(argv, { assessment: { type: 'string' }, report: { type: 'string' }, digest: { type: 'string' } }, 1);
  if (values.report && values.digest) throw new UsageError('give --report or --digest, not both');
  if (typeof values.digest === 'string' && !/^[0-9a-f]{64}$/.test(values.digest)) throw new UsageError('--digest must be 64 lower-case hex digits');
  let checks = lockedDigests(positionals[0]!).map(withSignatureStatus);
  if (typeof values.assessment === 'string') checks = checks.filter((c) => c.uid === values.assessment);
  if (checks.length === 0) throw new InputError(`${positionals[0]} holds no locked assessment${values.assessment ? ` "${String(values.assessment)}"` : ''} to verify`);
  const report = typeof values.report === 'string' ? await openReport(values.report) : null;
  const claimed = report ? claimedDigest(report) : typeof values.digest === 'string' ? values.digest : null;
  const matching = claimed === null ? null : checks.find((c) => c.recomputed === claimed) ?? null;
  const binding = typeof values.report === 'string' ? checkReportBinding(values.report, positionals[0]!, readableFile(positionals[0]!).subarray(0, 15).toString('latin1') === 'SQLite format 3') : null;
  const sound = (c: (typeof checks)[number]) => c.intact && c.problems.length === 0 && c.signatureStatus !== 'invalid';
  const figures = report && matching?.snapshot ? figureCheck(report, matching.snapshot) : null;
  const ok = checks.every(sound) && (claimed === null || (matching !== null && sound(matching))) && (binding?.ok ?? true) && (figures?.differences.length ?? 0) === 0;
  if (values.json) {
    printJson(io, { ok, assessments: checks.map(({ snapshot: _s, ...c }) => c), figureDifferences: figures?.differences ?? [], figuresRead: figures?.read ?? 0, claimed, matches: claimed === null ? null : matching?.uid ?? false, ...(binding ? { report: binding } : {}) });
  } else {
    for (const c of checks) {
      io.out(`${c.intact ? 'intact ' : 'ALTERED'}  ${c.uid}  "${c.title}"  ${c.recomputed}${c.intact ? '' : `  (stored ${c.stored})`}`);
      // A recomputed digest cannot catch a forger who recomputes it too: the snapshot must also hold together.
      io.out(`         ${signatureLine(c)}`);
      if (c.problems.length) io.out(`INCONSISTENT  ${c.uid}: the snapshot does not agree with its library or with itself:\n${c.problems.slice(0, 10).map((p) => `    ${p}`).join('\n')}${c.problems.length > 10 ? `\n    … and ${c.problems.length - 10} more` : ''}`);
    }
    if (claimed !== null) {
      io.out(
        matching
          ? `The report's digest ${claimed} matches locked assessment ${matching.uid}${matching.intact ? '.' : ', but that assessment was altered.'}`
          : `The report's digest ${claimed} matches NO locked assessment in ${positionals[0]}: the report or the data was changed.`,
      );
    }
    for (const line of binding?.lines ?? []) io.out(line);
    if (figures?.differences.length) io.out(`The report's figures DIFFER from the locked assessment:\n${figures.differences.map((d) => `  ${d}`).join('\n')}`);
    else if (figures?.note) io.out(`Figures not read back: ${figures.note}.`);
    else if (figures) io.out(`The report's ${listed(figures.what)} match the locked assessment (${figures.read} figures read back from the file).`);
  }
  return ok ? 0 : 1;
}
