import type { Database } from 'better-sqlite3';
import { RegisterError } from '../errors.js';
import { up as initial } from './001-initial.js';
import { up as protections } from './002-protections.js';
import { up as upkeep } from './003-upkeep.js';
import { up as actionsComments } from './004-actions-comments.js';
import { up as permits } from './005-permits.js';
import { APPLICATION_ID, up as trust } from './006-trust.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Append only: never edit or reorder a released migration; add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial tables', up: initial },
  { version: 2, name: 'lock and audit protections', up: protections },
  { version: 3, name: 'register upkeep: authority deletion, package updates', up: upkeep },
  { version: 4, name: 'action plans and comment threads', up: actionsComments },
  { version: 5, name: 'permit data', up: permits },
  { version: 6, name: 'replace guards, actors, signatures and trust list', up: trust },
];

export { APPLICATION_ID };

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function refuseNewerSchema(db: Database): void {
  const current = schemaVersion(db);
  // user_version 0 with tables in it is some other program's database: never write our tables into it.
  if (current === 0 && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined) {
    throw new RegisterError('not_a_register', 'this file is an SQLite database of another program, not a Permit Integrity register; nothing was changed');
  }
  // A header stamped by another program (application_id) is never ours, whatever its user_version says.
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw new RegisterError('not_a_register', `this file is an SQLite database of another program (application id ${applicationId}), not a Permit Integrity register; nothing was changed`);
  }
  if (current > LATEST_VERSION) {
    throw new RegisterError(
      'newer_database',
      `this register was written by a newer version of Permit Integrity (schema ${current}; this version knows up to ${LATEST_VERSION}); update the app to open it`,
    );
  }
}

/**
 * Brings the database to `target` (default: latest), one transaction per
 * migration, and refuses a database written by a newer version of the app.
 */
export function migrate(db: Database, target = LATEST_VERSION): void {
  refuseNewerSchema(db);
  const current = schemaVersion(db);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
