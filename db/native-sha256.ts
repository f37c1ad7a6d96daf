import { createHash } from 'node:crypto';
import { useSha256Implementation } from '../shared/snapshot/canonical.js';

/** Node's own SHA-256 as a hex string, of text (UTF-8) or bytes. */
export function nativeSha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Makes shared/'s digests (lock digests, report hashes) use Node's native
 * SHA-256. Called by every Node entry point; idempotent.
 */
export function installNativeSha256(): void {
  useSha256Implementation(nativeSha256Hex);
}
