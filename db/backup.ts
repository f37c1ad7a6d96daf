import { join, dirname, basename } from 'node:path';
import type { Register } from './register.js';

/**
 * A consistent copy of the register beside it, named by time. VACUUM INTO
 * copies a live WAL database safely, unlike copying the file.
 */
export function backupRegister(register: Register, target?: string): string {
  const stamp = register.now().replace(/[:.]/g, '-');
  const file = target ?? join(dirname(register.file), `${basename(register.file, '.sqlite')}-backup-${stamp}.sqlite`);
  register.db.prepare('VACUUM INTO ?').run(file);
  return file;
}
