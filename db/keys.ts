import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { RegisterError } from './errors.js';

/**
 * Where a register's Ed25519 secret key lives, outside the register file: a
 * copied register (or package) must never carry the key that signs for it.
 */
export interface KeyStore {
  /** What the user is told about where the key is (a path, or "protected by the OS keychain"). */
  readonly where: string;
  read(registerId: string): Uint8Array | null;
  write(registerId: string, secretKey: Uint8Array): void;
}

const KEY_FORMAT = 'permit-integrity/signing-key';
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

function keyName(registerId: string, suffix: string): string {
  if (!SAFE_ID.test(registerId)) throw new RegisterError('invalid', `register id "${registerId}" cannot name a key file`);
  return `signing-${registerId}${suffix}`;
}

/** Writes through a temporary file created with the final permissions, so the key is never briefly world-readable. */
export function writePrivateFile(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** CLI and browser mode: a key file with 0600 permissions in a 0700 folder of the user-data directory. */
export class FileKeyStore implements KeyStore {
  readonly where: string;

  constructor(private readonly dir: string) {
    this.where = dir;
  }

  read(registerId: string): Uint8Array | null {
    const file = join(this.dir, keyName(registerId, '.key'));
    if (!existsSync(file)) return null;
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
      throw new RegisterError('invalid', `the signing key ${file} can be read by other users; run "chmod 600 ${file}" (or import the key again) before signing`);
    }
    return parseKeyFile(readFileSync(file, 'utf8'), file);
  }

  write(registerId: string, secretKey: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writePrivateFile(join(this.dir, keyName(registerId, '.key')), keyFileText(secretKey));
  }
}

/** The subset of Electron's safeStorage this store needs (tests pass a stand-in). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Electron: the key file's content is encrypted by the operating system's keychain (safeStorage). */
export class SafeStorageKeyStore implements KeyStore {
  readonly where: string;

  constructor(
    private readonly dir: string,
    private readonly safeStorage: SafeStorageLike,
  ) {
    this.where = `${dir} (encrypted with the operating system's keychain)`;
  }

  read(registerId: string): Uint8Array | null {
    const file = join(this.dir, keyName(registerId, '.key.enc'));
    if (!existsSync(file)) return null;
    this.requireEncryption();
    let text: string;
    try {
      text = this.safeStorage.decryptString(readFileSync(file));
    } catch (error) {
      throw new RegisterError('invalid', `the signing key ${file} cannot be decrypted by this user account (${(error as Error).message}); import a key exported from the original account`);
    }
    return parseKeyFile(text, file);
  }

  write(registerId: string, secretKey: Uint8Array): void {
    this.requireEncryption();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writePrivateFile(join(this.dir, keyName(registerId, '.key.enc')), this.safeStorage.encryptString(keyFileText(secretKey)));
  }

  private requireEncryption(): void {
    if (!this.safeStorage.isEncryptionAvailable()) throw new RegisterError('invalid', 'the operating system offers no encrypted storage for the signing key (safeStorage unavailable); locks cannot be signed on this machine');
  }
}

export function keyFileText(secretKey: Uint8Array): string {
  return `${JSON.stringify({ format: KEY_FORMAT, secretKey: bytesToHex(secretKey) })}\n`;
}

export function parseKeyFile(text: string, source: string): Uint8Array {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RegisterError('invalid', `${source} is not a signing key file (not JSON)`);
  }
  const record = data as { format?: unknown; secretKey?: unknown };
  if (record?.format !== KEY_FORMAT || typeof record.secretKey !== 'string' || !/^[0-9a-f]{64}$/.test(record.secretKey)) {
    throw new RegisterError('invalid', `${source} is not a signing key file: format must be "${KEY_FORMAT}" with a 64-hex-digit secretKey`);
  }
  return hexToBytes(record.secretKey);
}

let defaultStore: KeyStore | null = null;

/** Set once at start-up by the CLI, browser mode or Electron; registers opened later sign with it. */
export function configureKeyStore(store: KeyStore | null): void {
  defaultStore = store;
}

export function configuredKeyStore(): KeyStore | null {
  return defaultStore;
}
