import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Ed25519 signatures over short, labelled texts. The label keeps a signature
 * made for one purpose (a lock) from being replayed as another (a report).
 */
export type SignaturePurpose = 'lock' | 'report';

const HEX = /^[0-9a-f]*$/;

export function signedText(purpose: SignaturePurpose, payload: string): Uint8Array {
  return utf8ToBytes(`permit-integrity/${purpose}/v1\n${payload}`);
}

export function newSecretKey(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}

/** What signs: deriving a public key and signing bytes, each giving hex. */
export interface Ed25519Signer {
  publicKeyOf(secretKey: Uint8Array): string;
  sign(secretKey: Uint8Array, message: Uint8Array): string;
}

/** Portable signer (browser, tests): pure JavaScript. */
export const portableSigner: Ed25519Signer = {
  publicKeyOf: (secretKey) => bytesToHex(ed25519.getPublicKey(secretKey)),
  sign: (secretKey, message) => bytesToHex(ed25519.sign(message, secretKey)),
};

let signer: Ed25519Signer = portableSigner;

/**
 * Lets a Node host sign with node:crypto (db/native-crypto.ts). Ed25519
 * signing is deterministic, so both give the same bytes; verification is
 * not swapped, so that every host accepts exactly the same signatures.
 */
export function useEd25519Signer(implementation: Ed25519Signer): void {
  signer = implementation;
}

export function publicKeyOf(secretKey: Uint8Array): string {
  return signer.publicKeyOf(secretKey);
}

export function sign(secretKey: Uint8Array, purpose: SignaturePurpose, payload: string): string {
  return signer.sign(secretKey, signedText(purpose, payload));
}

export type SignatureStatus = 'valid' | 'invalid' | 'unsigned';

/** Never throws: a malformed key or signature is simply 'invalid'. */
export function verifySignature(publicKey: string | null | undefined, signature: string | null | undefined, purpose: SignaturePurpose, payload: string): SignatureStatus {
  if (!publicKey && !signature) return 'unsigned';
  if (!publicKey || !signature || publicKey.length !== 64 || signature.length !== 128 || !HEX.test(publicKey) || !HEX.test(signature)) return 'invalid';
  try {
    return ed25519.verify(hexToBytes(signature), signedText(purpose, payload), hexToBytes(publicKey)) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** What people compare by eye or read over the phone: the first 16 bytes of the key's SHA-256, in groups of four. */
export function fingerprint(publicKey: string): string {
  return bytesToHex(sha256(hexToBytes(publicKey)).subarray(0, 16)).match(/.{4}/g)!.join(' ');
}

export function isPublicKey(text: unknown): text is string {
  return typeof text === 'string' && text.length === 64 && HEX.test(text);
}
