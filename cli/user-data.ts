import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the user's own register lives when no --db is given (same place Electron's userData uses). */
export function defaultRegisterPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PERMIT_INTEGRITY_DB) return env.PERMIT_INTEGRITY_DB;
  const home = homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'permit-integrity', 'register.sqlite');
}

/** Where the CLI and browser mode keep signing keys: <user data>/keys, or PERMIT_INTEGRITY_KEY_DIR. */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PERMIT_INTEGRITY_KEY_DIR) return env.PERMIT_INTEGRITY_KEY_DIR;
  const base = defaultRegisterPath({ ...env, PERMIT_INTEGRITY_DB: undefined }, platform);
  return join(base, '..', 'keys');
}
