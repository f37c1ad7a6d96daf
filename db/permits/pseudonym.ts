import { createHmac, randomBytes } from 'node:crypto';
import type { Register } from '../register.js';

/**
 * Officer and applicant ids are personal data. Pseudonymised on import as a
 * keyed hash (HMAC-SHA-256): the same person always gets the same pseudonym
 * within a register, so concentration rules still work, but nobody without
 * the key (kept only in this register) can test a guessed name against it.
 */
export function pseudonymKey(register: Register, authorityId: number): Buffer {
  const row = register.db.prepare('SELECT key FROM permit_pseudonym_keys WHERE authority_id = ?').get(authorityId) as { key: Buffer } | undefined;
  if (row) return row.key;
  const key = randomBytes(32);
  register.db.prepare('INSERT INTO permit_pseudonym_keys (authority_id, key) VALUES (?, ?)').run(authorityId, key);
  return key;
}

export function pseudonymiser(key: Buffer): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => {
    let out = cache.get(value);
    if (out === undefined) {
      out = `p-${createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 16)}`;
      cache.set(value, out);
    }
    return out;
  };
}
