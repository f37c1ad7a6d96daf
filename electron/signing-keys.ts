import { join } from 'node:path';
import { configureKeyStore, SafeStorageKeyStore, type SafeStorageLike } from '../db/keys.js';

/**
 * In the desktop app the signing key is encrypted with the operating system's
 * keychain (Electron safeStorage) and kept in <userData>/keys. Call once the
 * app is ready (safeStorage is not usable before).
 */
export function configureElectronKeys(userDataDir: string, safeStorage: SafeStorageLike): SafeStorageKeyStore {
  const store = new SafeStorageKeyStore(join(userDataDir, 'keys'), safeStorage);
  configureKeyStore(store);
  return store;
}
