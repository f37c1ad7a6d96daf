import { BUILT_IN_FRAMEWORK_IDS, builtInBase, builtInLibrary } from '../shared/library/builtin.js';
import type { Library } from '../shared/library/library.js';
import { parseFramework } from '../shared/library/load.js';
import type { Framework } from '../shared/library/schema.js';
import { appendAudit } from './audit.js';
import { RegisterError } from './errors.js';
import { inTransaction, type Register } from './register.js';
import { cachedStatement } from './statements.js';

export interface FrameworkRow {
  id: string;
  version: string;
  title: string;
  importedAt: string;
}

interface ParsedFrameworks {
  /** The stored definitions the parse was made from: a change of any of them is a new parse. */
  source: string;
  frameworks: Framework[];
  library: Library;
}

const parsed = new WeakMap<Register, ParsedFrameworks>();

/**
 * The custom frameworks parsed once per register and definition text: scoring
 * asks for the library once per assessment, and validating every definition
 * each time cost more than the scoring. Reading the stored text is cheap and
 * catches every change, whichever connection made it.
 */
function parsedFrameworks(register: Register): ParsedFrameworks {
  const rows = cachedStatement(register.db, 'SELECT id, definition FROM frameworks ORDER BY id').all() as Array<{ id: string; definition: string }>;
  const source = rows.map((row) => `${row.id}\u0000${row.definition}`).join('\u0000');
  const hit = parsed.get(register);
  if (hit && hit.source === source) return hit;
  const frameworks = rows.map((row) => parseFramework(`register framework "${row.id}"`, JSON.parse(row.definition), builtInBase()));
  const entry = { source, frameworks, library: builtInLibrary(frameworks) };
  parsed.set(register, entry);
  return entry;
}

/** The register's custom frameworks (shared, read-only: callers copy before changing). */
export function listCustomFrameworks(register: Register): readonly Framework[] {
  return parsedFrameworks(register).frameworks;
}

/** The library this register scores with: built-in frameworks plus its imported custom ones (shared, read-only). */
export function registerLibrary(register: Register): Library {
  return parsedFrameworks(register).library;
}

/**
 * Adds (or, with a newer definition of the same id, replaces) a custom framework.
 * `file` names the source in error messages.
 */
export function importFramework(register: Register, file: string, data: unknown): Framework {
  const framework = parseFramework(file, data, builtInBase());
  if ((BUILT_IN_FRAMEWORK_IDS as readonly string[]).includes(framework.id)) {
    throw new RegisterError('conflict', `${file}: id "${framework.id}" is a built-in framework; give the custom framework its own id`);
  }
  return inTransaction(register, () => {
    const before = register.db.prepare('SELECT version FROM frameworks WHERE id = ?').get(framework.id) as { version: string } | undefined;
    register.db
      .prepare(
        `INSERT INTO frameworks (id, version, title, definition, imported_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title, definition = excluded.definition, imported_at = excluded.imported_at`,
      )
      .run(framework.id, framework.version, framework.title, JSON.stringify(framework), register.now());
    appendAudit(register, {
      action: 'import',
      entity: 'framework',
      entityId: framework.id,
      field: 'version',
      oldValue: before?.version ?? null,
      newValue: framework.version,
    });
    return framework;
  });
}
