import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

const pathFor = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix);

/** The folder inside the platform's application-data folder that holds the user's register. */
export const USER_DATA_FOLDER = 'permit-integrity';

/**
 * The platform's application-data folder, by the rules Electron applies to
 * `app.getPath('appData')`: %APPDATA% on Windows, ~/Library/Application Support
 * on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere. Chromium treats an *empty*
 * variable like an absent one (base::nix::GetXDGDirectory), so an empty
 * XDG_CONFIG_HOME or APPDATA falls back too: never a relative path.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return win32.resolve(env.APPDATA || win32.join(home, 'AppData', 'Roaming'));
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  // A relative XDG_CONFIG_HOME is taken from the working folder, as Chromium would; made absolute here.
  return posix.resolve(env.XDG_CONFIG_HOME || posix.join(home, '.config'));
}

/**
 * The user-data folder shared by the desktop app (main.ts sets Electron's
 * userData to it), the command line and browser mode, so all three open the
 * same register whatever productName a package carries.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  return pathFor(platform).join(appDataDir(env, platform, home), USER_DATA_FOLDER);
}

/** The register opened when no --db is given: PERMIT_INTEGRITY_DB (if not empty), else register.sqlite in the user-data folder. */
export function defaultRegisterPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  return env.PERMIT_INTEGRITY_DB || pathFor(platform).join(userDataDir(env, platform, home), 'register.sqlite');
}
