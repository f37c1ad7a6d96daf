import { join } from 'node:path';
import { defaultRegisterPath } from '../db/user-data.js';

/** The CLI's default register: the same rule as the desktop app (db/user-data.ts). */
export { defaultRegisterPath };

/** Where the CLI and browser mode keep signing keys: beside the default register in <user data>/keys, or PERMIT_INTEGRITY_KEY_DIR. */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PERMIT_INTEGRITY_KEY_DIR) return env.PERMIT_INTEGRITY_KEY_DIR;
  const base = defaultRegisterPath({ ...env, PERMIT_INTEGRITY_DB: undefined }, platform);
  return join(base, '..', 'keys');
}
