import { createHash, createPrivateKey, createPublicKey, sign as nodeSign, type KeyObject } from 'node:crypto';
import { useSha256Implementation } from '../shared/snapshot/canonical.js';
import { useEd25519Signer } from '../shared/signing/ed25519.js';

/** Node's own SHA-256 as a hex string, of text (UTF-8) or bytes. */
export function nativeSha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), the form node:crypto takes. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function privateKeyObject(secretKey: Uint8Array): KeyObject {
  if (secretKey.length !== 32) throw new Error(`an Ed25519 secret key is 32 bytes, not ${secretKey.length}`);
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, secretKey]), format: 'der', type: 'pkcs8' });
}

/** The raw 32-byte public key: the last 32 bytes of its SPKI encoding. */
export function nativePublicKeyOf(secretKey: Uint8Array): string {
  return createPublicKey(privateKeyObject(secretKey)).export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

/** Ed25519 signatures are deterministic (RFC 8032): the same bytes as the JavaScript signer's. */
export function nativeSign(secretKey: Uint8Array, message: Uint8Array): string {
  return nodeSign(null, message, privateKeyObject(secretKey)).toString('hex');
}

/**
 * Makes shared/'s digests and signing use node:crypto: the JavaScript
 * versions run cold in a one-shot CLI process (deriving a public key cost
 * about 30 ms of each report export). Verification stays in JavaScript, so
 * every host accepts exactly the same signatures. Idempotent.
 */
export function installNativeCrypto(): void {
  useSha256Implementation(nativeSha256Hex);
  useEd25519Signer({ publicKeyOf: nativePublicKeyOf, sign: nativeSign });
}
