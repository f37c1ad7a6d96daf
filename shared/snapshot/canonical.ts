import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, arrays in their given
 * order. Two equal snapshots always give the same bytes, hence the same digest.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) out[key] = sortKeys(entry);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON cannot hold a non-finite number');
  return value;
}

type Sha256Hex = (text: string) => string;

/** Portable SHA-256 (browser, renderer, tests): pure JavaScript. */
export const portableSha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

let sha256Implementation: Sha256Hex = portableSha256Hex;

/**
 * Lets a Node host swap in its native SHA-256 (db/native-crypto.ts). The
 * JavaScript one runs cold in a one-shot CLI process, where checking a
 * package's lock digests cost about 20 ms; both give the same hex for the same text.
 */
export function useSha256Implementation(implementation: Sha256Hex): void {
  sha256Implementation = implementation;
}

export function sha256Hex(text: string): string {
  return sha256Implementation(text);
}

/** The digest printed on reports of a locked assessment. */
export function snapshotDigest(snapshot: unknown): string {
  return sha256Hex(canonicalJson(snapshot));
}
