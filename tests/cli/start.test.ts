import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronPathFromOutput, findElectron, runElectron, startCommand, type StartDeps } from '../../cli/commands/start.js';

/**
 * `permit-integrity start` (npm start) without Electron: a throw-away electron
 * package and a small executable script stand in for the real binary.
 */
delete process.env.PERMIT_INTEGRITY_BROWSER;
const root = mkdtempSync(join(tmpdir(), 'permit-integrity-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An executable that records its arguments and exits with `code`, like a short Electron session. */
function fakeElectron(name: string, code: number): { binary: string; argsFile: string } {
  const binary = join(root, name);
  const argsFile = `${binary}.args.json`;
  writeFileSync(binary, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));\nprocess.exit(${code});\n`);
  chmodSync(binary, 0o755);
  return { binary, argsFile };
}

describe('finding the Electron binary', () => {
  it('takes the last line of what the electron package printed (the first run prints a download notice first)', () => {
    expect(electronPathFromOutput('/p/node_modules/electron/dist/electron')).toBe('/p/node_modules/electron/dist/electron');
    expect(electronPathFromOutput('Downloading Electron binary...\n/p/node_modules/electron/dist/electron')).toBe('/p/node_modules/electron/dist/electron');
    expect(electronPathFromOutput('Downloading Electron binary...\r\nDownloaded.\r\n/p/dist/electron.exe\r\n')).toBe('/p/dist/electron.exe');
    expect(electronPathFromOutput('')).toBeNull();
  });

  it('finds a binary that the electron package downloads on first use', () => {
    const project = join(root, 'project');
    const { binary } = fakeElectron('electron-binary', 0);
    mkdirSync(join(project, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(project, 'node_modules', 'electron', 'index.js'), `console.log('Downloading Electron binary...');\nmodule.exports = ${JSON.stringify(binary)};\n`);
    expect(findElectron(project)).toBe(binary);
    writeFileSync(join(project, 'node_modules', 'electron', 'index.js'), "throw new Error('Electron failed to install correctly');\n");
    expect(findElectron(project)).toBeNull();
  });
});

describe('running Electron', () => {
  it('launches it on the project folder, passes --db, and returns its exit code', async () => {
    const { binary, argsFile } = fakeElectron('electron-exit-3', 3);
    expect(await runElectron(binary, '/work/project', 'my.sqlite')).toEqual({ code: 3 });
    expect(JSON.parse(readFileSync(argsFile, 'utf8'))).toEqual(['/work/project', '--db', 'my.sqlite']);
  });

  it('reports a binary that cannot be started instead of waiting forever', async () => {
    const notExecutable = join(root, 'not-executable');
    writeFileSync(notExecutable, 'not a program');
    const outcome = await runElectron(notExecutable, root, undefined);
    expect(outcome).toMatchObject({ error: expect.any(Error) });
  });
});

describe('startCommand', () => {
  const io = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return { lines, io: { out: (t: string) => void lines.out.push(t), err: (t: string) => void lines.err.push(t) } };
  };
  const deps = (overrides: Partial<StartDeps>): StartDeps & { browser: string[][] } => {
    const browser: string[][] = [];
    return {
      browser,
      root: '/work/project',
      findElectron: () => '/bin/electron',
      ensureDriver: () => ({ ok: true, file: '/work/project/native/electron/better_sqlite3.node', how: 'already built' }),
      runElectron: async () => ({ code: 0 }),
      browserMode: async (argv) => void browser.push(argv),
      ...overrides,
    };
  };

  it('passes on Electron’s exit code', async () => {
    const { io: output, lines } = io();
    const seen: unknown[] = [];
    const d = deps({ runElectron: async (...args) => (seen.push(args), { code: 5 }) });
    expect(await startCommand(['--db', 'x.sqlite'], output, d)).toBe(5);
    expect(seen).toEqual([['/bin/electron', '/work/project', 'x.sqlite']]);
    expect(d.browser).toEqual([]);
    expect(lines.err).toEqual([]);
  });

  it('falls back to browser mode in one line when Electron is missing, its driver cannot be built, or it fails to start', async () => {
    const cases: Array<[Partial<StartDeps>, RegExp]> = [
      [{ findElectron: () => null }, /Electron is not available/],
      [{ ensureDriver: () => ({ ok: false, advice: 'No SQLite driver for Electron 45.5.0 could be downloaded or built: install a C++ toolchain.', detail: 'x' }) }, /No SQLite driver .* Starting browser mode/],
      [{ runElectron: async () => ({ error: new Error('spawn EACCES') }) }, /could not be started \(spawn EACCES\)/],
    ];
    for (const [override, line] of cases) {
      const { io: output, lines } = io();
      const d = deps(override);
      expect(await startCommand(['--db', 'x.sqlite'], output, d)).toBe(0);
      expect(lines.err).toHaveLength(1);
      expect(lines.err[0]).toMatch(line);
      expect(lines.err[0]).not.toContain('\n');
      expect(d.browser).toEqual([['--db', 'x.sqlite']]);
    }
  });

  it('says once that it built the driver', async () => {
    const { io: output, lines } = io();
    await startCommand([], output, deps({ ensureDriver: () => ({ ok: true, file: '/f.node', how: 'prebuilt binary' }) }));
    expect(lines.err).toEqual(['Built the SQLite driver for Electron (prebuilt binary): /f.node']);
  });
});
