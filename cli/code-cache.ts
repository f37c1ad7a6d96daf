import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';

/**
 * A V8 code cache for the bundled command line (dist/cli/*.cjs).
 *
 * Each CLI command is a fresh Node process, and most of a short command's
 * time went into compiling the bundle's JavaScript again: parsing, then
 * compiling every function on its first call. Node 22 has
 * `module.enableCompileCache()` for this; Node 20, which the app supports,
 * does not, so the bundle's CommonJS files are compiled here through
 * `vm.Script` with V8's `cachedData`, which is made after the command ran
 * (so it holds the functions the command compiled too) and written when the
 * process exits.
 *
 * Safety:
 * - A cache file is named by the SHA-256 of the Node version, Node's options
 *   and the file's exact text. V8's own check compares only the source's
 *   length, so a file rebuilt to the same length must never meet the old
 *   cache; and runs with and without V8 flags would otherwise overwrite each
 *   other's cache.
 * - V8 still refuses data made by another V8 or under other flags; the file is
 *   then compiled normally and its cache written again.
 * - Writes go to a temporary name, then a rename, so a command running at
 *   the same time reads a whole file or none.
 * - Nothing here may stop the command: a cache that cannot be read or
 *   written (a read-only install) only means the command compiles as before.
 *
 * Code compiled here cannot use `import()`: V8 does not keep the dynamic-import
 * hook in cached code, so the second run would fail with
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING. The bundler writes the packages'
 * lazy imports as `require()` and refuses a bundle with an `import(` left in it.
 */
export interface CodeCacheStats {
  /** Files whose cache V8 accepted. */
  used: number;
  /** Files compiled without a cache (none yet, or rejected). */
  compiled: number;
  /** Cache files written at exit. */
  written: number;
}

interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

export function installCodeCache(bundleDir: string, cacheDir: string): CodeCacheStats {
  const stats: CodeCacheStats = { used: 0, compiled: 0, written: 0 };
  const prefix = bundleDir.endsWith(sep) ? bundleDir : bundleDir + sep;
  const toWrite: Array<{ script: Script; file: string }> = [];
  const proto = (Module as unknown as { prototype: CompilingModule }).prototype;
  const compile = proto._compile;

  proto._compile = function (this: CompilingModule, content: string, filename: string) {
    if (!filename.startsWith(prefix) || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
    const file = join(cacheDir, createHash('sha256').update(`${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0`).update(content).digest('hex').slice(0, 40));
    const cachedData = readIfThere(file);
    // The shebang line is not JavaScript; Node's own loader strips it the same way.
    const source = Module.wrap(content.startsWith('#!') ? `//${content}` : content);
    const script = new Script(source, { filename, cachedData });
    if (cachedData && !script.cachedDataRejected) stats.used += 1;
    else {
      stats.compiled += 1;
      toWrite.push({ script, file });
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };

  process.once('exit', () => {
    for (const { script, file } of toWrite) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, file);
        stats.written += 1;
      } catch {
        return; // a read-only install: the next run compiles as this one did
      }
    }
  });
  return stats;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
