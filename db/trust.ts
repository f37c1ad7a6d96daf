import type { PackageTrust } from '../shared/domain/records.js';
import type { AssessmentPackage } from '../shared/package/schema.js';
import { fingerprint } from '../shared/signing/ed25519.js';
import { appendAudit } from './audit.js';
import { RegisterError } from './errors.js';
import type { Register } from './register.js';

export interface TrustedKey {
  authorityUid: string;
  authorityName: string;
  publicKey: string;
  fingerprint: string;
  trustedAt: string;
}

export function listTrustedKeys(register: Register, authorityUid?: string): TrustedKey[] {
  const rows = register.db
    .prepare(`SELECT authority_uid AS authorityUid, authority_name AS authorityName, public_key AS publicKey, trusted_at AS trustedAt FROM trusted_keys ${authorityUid ? 'WHERE authority_uid = ?' : ''} ORDER BY authority_name, trusted_at`)
    .all(...(authorityUid ? [authorityUid] : [])) as Array<Omit<TrustedKey, 'fingerprint'>>;
  return rows.map((row) => ({ ...row, fingerprint: fingerprint(row.publicKey) }));
}

/**
 * The package's locks that bring news about keys: all but those this register
 * already holds exactly (same uid, digest and signing key, or unsigned both
 * times). An update carries every lock held before, and those were accepted then.
 */
function newLocks(register: Register, pkg: AssessmentPackage) {
  const held = register.db.prepare("SELECT digest, signer_key AS signerKey FROM assessments WHERE uid = ? AND status = 'locked'");
  return pkg.assessments.flatMap((a) => {
    if (!a.lock) return [];
    const mine = held.get(a.uid) as { digest: string; signerKey: string | null } | undefined;
    const same = mine !== undefined && mine.digest === a.lock.digest && mine.signerKey === (a.lock.signature ? (a.lock.publicKey ?? null) : null);
    return same ? [] : [a.lock];
  });
}

function trustOf(register: Register, pkg: AssessmentPackage) {
  const locks = newLocks(register, pkg);
  const keys = [...new Set(locks.flatMap((lock) => (lock.publicKey && lock.signature ? [lock.publicKey] : [])))];
  const unsigned = locks.filter((lock) => !lock.signature).length;
  const trusted = listTrustedKeys(register, pkg.authority.uid);
  const known = new Set(trusted.map((t) => t.publicKey));
  const strangers = keys.filter((key) => !known.has(key));
  return { locks, keys, unsigned, trusted, known, strangers, needsConfirmation: trusted.length > 0 && (strangers.length > 0 || unsigned > 0) };
}

/** What the trust list says of a package, for the user to see before importing it. */
export function packageTrust(register: Register, pkg: AssessmentPackage): PackageTrust {
  const found = trustOf(register, pkg);
  return {
    authorityName: pkg.authority.name,
    trusted: found.trusted.map((t) => ({ fingerprint: t.fingerprint, trustedAt: t.trustedAt })),
    incoming: found.keys.map((key) => ({
      fingerprint: fingerprint(key),
      signers: [...new Set(found.locks.filter((lock) => lock.publicKey === key && lock.signer).map((lock) => lock.signer!))],
      trusted: found.known.has(key),
    })),
    unsigned: found.unsigned,
    needsConfirmation: found.needsConfirmation,
  };
}

/**
 * The consultant's trust list, applied on import and update (inside their
 * transaction). The first signed package from an authority is trusted on
 * first use; after that, a package from it whose new locks are signed with
 * another key, or not signed at all, could come from anyone, so it is refused
 * unless the user confirms with a reason (logged). Signatures themselves were
 * already verified by validation.
 */
export function applyTrust(register: Register, pkg: AssessmentPackage, acceptKeyChange?: string | null): void {
  const { keys, unsigned, trusted, strangers, needsConfirmation } = trustOf(register, pkg);
  if (needsConfirmation) {
    const what = strangers.length ? `signed with a different key (${strangers.map(fingerprint).join(', ')})` : `carries ${unsigned} unsigned locked assessment(s)`;
    const reason = acceptKeyChange?.trim();
    if (!reason) {
      throw new RegisterError(
        'conflict',
        `authority "${pkg.authority.name}" is trusted with key ${trusted.map((t) => t.fingerprint).join(', ')}, but this package is ${what}. Check the new key with the authority (compare fingerprints by phone), then confirm the import with a reason`,
      );
    }
    appendAudit(register, { action: 'override', entity: 'key', entityId: pkg.authority.uid, field: 'trust', oldValue: trusted.map((t) => t.publicKey), newValue: { keys, unsigned }, justification: reason });
  }
  const insert = register.db.prepare('INSERT OR IGNORE INTO trusted_keys (authority_uid, public_key, authority_name, trusted_at) VALUES (?, ?, ?, ?)');
  for (const key of strangers) {
    insert.run(pkg.authority.uid, key, pkg.authority.name, register.now());
    appendAudit(register, { action: 'trust', entity: 'key', entityId: pkg.authority.uid, newValue: { publicKey: key, fingerprint: fingerprint(key), authority: pkg.authority.name } });
  }
}
