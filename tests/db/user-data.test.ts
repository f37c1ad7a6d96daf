import { describe, expect, it } from 'vitest';
import { defaultRegisterPath as cliDefault } from '../../cli/user-data.js';
import { appDataDir, defaultRegisterPath, userDataDir } from '../../db/user-data.js';

/**
 * The CLI and the desktop app must open the same register. main.ts sets
 * Electron's userData to userDataDir(); these cases check that the folder
 * follows Electron's own appData rules, including the fallbacks Chromium
 * applies when a variable is empty (never a relative path).
 */
const HOME = '/home/ana';
const WIN_HOME = 'C:\\Users\\Ana';

describe('the user-data folder', () => {
  it.each([
    ['linux', {}, '/home/ana/.config/permit-integrity'],
    ['linux', { XDG_CONFIG_HOME: '' }, '/home/ana/.config/permit-integrity'],
    ['linux', { XDG_CONFIG_HOME: '/srv/config' }, '/srv/config/permit-integrity'],
    ['linux', { XDG_CONFIG_HOME: '/srv/config/' }, '/srv/config/permit-integrity'],
    ['freebsd', { XDG_CONFIG_HOME: '' }, '/home/ana/.config/permit-integrity'],
    ['darwin', { XDG_CONFIG_HOME: '/srv/config' }, '/home/ana/Library/Application Support/permit-integrity'],
  ] as const)('on %s with %j is %s', (platform, env, expected) => {
    expect(userDataDir(env, platform, HOME)).toBe(expected);
    expect(defaultRegisterPath(env, platform, HOME)).toBe(`${expected}/register.sqlite`);
  });

  it.each([
    [{ APPDATA: 'D:\\Profiles\\Ana\\Roaming' }, 'D:\\Profiles\\Ana\\Roaming\\permit-integrity'],
    [{ APPDATA: '' }, 'C:\\Users\\Ana\\AppData\\Roaming\\permit-integrity'],
    [{}, 'C:\\Users\\Ana\\AppData\\Roaming\\permit-integrity'],
  ] as const)('on win32 with %j is %s', (env, expected) => {
    expect(userDataDir(env, 'win32', WIN_HOME)).toBe(expected);
  });

  it('is always absolute: a relative XDG_CONFIG_HOME is taken from the working folder', () => {
    expect(appDataDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux', HOME)).toBe(`${process.cwd()}/cfg`);
  });

  it('PERMIT_INTEGRITY_DB overrides it unless empty, and the CLI uses this very rule', () => {
    expect(defaultRegisterPath({ PERMIT_INTEGRITY_DB: '/data/r.sqlite' }, 'linux', HOME)).toBe('/data/r.sqlite');
    expect(defaultRegisterPath({ PERMIT_INTEGRITY_DB: '', XDG_CONFIG_HOME: '' }, 'linux', HOME)).toBe('/home/ana/.config/permit-integrity/register.sqlite');
    expect(cliDefault).toBe(defaultRegisterPath);
  });
});
