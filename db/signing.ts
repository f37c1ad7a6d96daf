import type { SigningKeyInfo } from '../shared/api/results.js';
import { randomUUID } from 'node:crypto';
import { fingerprint, newSecretKey, publicKeyOf, sign, type SignaturePurpose } from '../shared/signing/ed25519.js';
import { appendAudit } from './audit.js';
import { RegisterError } from './errors.js';
import { keyFileText, parseKeyFile } from './keys.js';
import { inTransaction, type Register } from './register.js';
import { getSetting, setSetting } from './settings.js';

/** This register's own id: names its key file, so two registers on one machine never share a key. */
export function registerId(register: Register): string {
  const existing = getSetting(register, 'register_id');
  if (existing) return existing;
  return inTransaction(register, () => {
    const id = getSetting(register, 'register_id') ?? randomUUID();
    setSetting(register, 'register_id', id);
    return id;
  });
}

/** What the register says of its key; the API adds whether the four-eyes rule is on (SigningKeyInfo). */
export type RegisterKeyInfo = Omit<SigningKeyInfo, 'fourEyes'>;

export function signingKeyInfo(register: Register): RegisterKeyInfo {
  const publicKey = getSetting(register, 'signing_public_key');
  let canSign = false;
  let problem: string | null = null;
  if (!register.keys) problem = 'no key store is configured for this session';
  else if (publicKey) {
    try {
      const secret = register.keys.read(registerId(register));
      canSign = secret !== null && publicKeyOf(secret) === publicKey;
      if (!secret) problem = `the secret key is not on this machine (looked in ${register.keys.where}); import it to sign`;
      else if (!canSign) problem = "the key on this machine is not this register's key; import the right one";
    } catch (error) {
      problem = (error as Error).message;
    }
  }
  return { publicKey, fingerprint: publicKey ? fingerprint(publicKey) : null, canSign, where: register.keys?.where ?? null, problem };
}

/**
 * The register's secret key, created on first use. Returns null (the caller
 * then records the step as unsigned) when this session has no key store or the
 * register's key is not on this machine; never silently makes a second key.
 */
export function signingKey(register: Register): { secret: Uint8Array; publicKey: string } | null {
  if (!register.keys) return null;
  const id = registerId(register);
  const known = getSetting(register, 'signing_public_key');
  const secret = register.keys.read(id);
  if (secret) {
    const publicKey = publicKeyOf(secret);
    if (known && known !== publicKey) return null;
    if (!known) setSetting(register, 'signing_public_key', publicKey);
    return { secret, publicKey };
  }
  if (known) return null;
  const fresh = newSecretKey();
  const publicKey = publicKeyOf(fresh);
  register.keys.write(id, fresh);
  setSetting(register, 'signing_public_key', publicKey);
  appendAudit(register, { action: 'create', entity: 'key', entityId: id, newValue: { publicKey, fingerprint: fingerprint(publicKey) } });
  return { secret: fresh, publicKey };
}

export interface Signature {
  signature: string;
  publicKey: string;
  signer: string;
}

/** Signs `payload` for `purpose` with the register's key, or returns null when it cannot sign. */
export function signWithRegister(register: Register, purpose: SignaturePurpose, payload: string, signer: string): Signature | null {
  const key = signingKey(register);
  return key ? { signature: sign(key.secret, purpose, payload), publicKey: key.publicKey, signer } : null;
}

/** The key as a file the user can keep offline or carry to a new machine (it holds the secret). */
export function exportSigningKey(register: Register): string {
  const key = inTransaction(register, () => {
    const found = signingKey(register);
    if (!found) throw new RegisterError('not_found', `this register's signing key is not available here: ${signingKeyInfo(register).problem ?? 'unknown reason'}`);
    appendAudit(register, { action: 'export', entity: 'key', entityId: registerId(register), newValue: { fingerprint: fingerprint(found.publicKey) } });
    return found;
  });
  return keyFileText(key.secret);
}

/**
 * Installs a key from an exported key file. Replacing a different key changes
 * who the register's future locks say signed them, so it needs `confirm`.
 */
export function importSigningKey(register: Register, text: string, confirm = false): RegisterKeyInfo {
  if (!register.keys) throw new RegisterError('invalid', 'no key store is configured for this session');
  const secret = parseKeyFile(text, 'the key file');
  const publicKey = publicKeyOf(secret);
  inTransaction(register, () => {
    const previous = getSetting(register, 'signing_public_key');
    if (previous && previous !== publicKey && !confirm) {
      throw new RegisterError('conflict', `this register already signs with key ${fingerprint(previous)}; importing ${fingerprint(publicKey)} replaces it. Confirm to replace (--confirm)`);
    }
    register.keys!.write(registerId(register), secret);
    setSetting(register, 'signing_public_key', publicKey);
    appendAudit(register, { action: 'import', entity: 'key', entityId: registerId(register), oldValue: previous ? fingerprint(previous) : null, newValue: { publicKey, fingerprint: fingerprint(publicKey) } });
  });
  return signingKeyInfo(register);
}
