import { existsSync, rmSync } from 'node:fs';
import { closeRegister, openRegister, type Register } from '../db/register.js';
import { requireString } from './args.js';

export { printJson, type Output } from './output.js';

/**
 * Opens --db, audits this run's changes as --actor, runs, and always closes.
 * A register file this command created is removed again if the command fails,
 * so a refused import leaves nothing behind.
 */
export function withRegister<T>(values: Record<string, unknown>, work: (register: Register) => T, options: { mustExist?: boolean } = {}): T {
  const file = requireString(values, 'db');
  const created = !existsSync(file);
  const register = openRegister(file, { mustExist: options.mustExist ?? true });
  if (typeof values.actor === 'string' && values.actor.trim()) register.actor = values.actor.trim();
  let failed = true;
  try {
    const result = work(register);
    failed = false;
    return result;
  } finally {
    closeRegister(register);
    if (failed && created) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}
