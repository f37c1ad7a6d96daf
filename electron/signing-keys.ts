import { join } from 'node:path';
import { SafeStorageKeyStore, type SafeStorageLike } from '../db/keys.js';

/**
 * In the desktop app the signing key is encrypted with the operating system's
 * keychain (Electron safeStorage, reached from the register worker through
 * safe-storage-bridge.ts) and kept in <userData>/keys, never in the register.
 */
export function electronKeyStore(userDataDir: string, safeStorage: SafeStorageLike): SafeStorageKeyStore {
  return new SafeStorageKeyStore(join(userDataDir, 'keys'), safeStorage);
}
