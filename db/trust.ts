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
 * The consultant's trust list, applied on import (inside its transaction).
 * The first signed package from an authority is trusted on first use; after
 * that, a package from it signed with another key, or not signed at all,
 * could come from anyone, so it is refused unless the user confirms with a
 * reason (logged). Signatures themselves were already verified by validation.
 */
export function applyTrust(register: Register, pkg: AssessmentPackage, acceptKeyChange?: string | null): void {
  const locks = pkg.assessments.flatMap((a) => (a.lock ? [a.lock] : []));
  const keys = [...new Set(locks.flatMap((lock) => (lock.publicKey && lock.signature ? [lock.publicKey] : [])))];
  const unsigned = locks.filter((lock) => !lock.signature).length;
  const trusted = listTrustedKeys(register, pkg.authority.uid);
  const known = new Set(trusted.map((t) => t.publicKey));
  const strangers = keys.filter((key) => !known.has(key));
  if (trusted.length && (strangers.length || unsigned)) {
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
