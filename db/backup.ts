import { existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import type { Register } from './register.js';

/**
 * A consistent copy of the register beside it, named by time. VACUUM INTO
 * copies a live WAL database safely, unlike copying the file. Never
 * overwrites: a second backup in the same instant gets a number.
 */
export function backupRegister(register: Register, target?: string): string {
  const stamp = register.now().replace(/[:.]/g, '-');
  const stem = join(dirname(register.file), `${basename(register.file, '.sqlite')}-backup-${stamp}`);
  let file = target ?? `${stem}.sqlite`;
  for (let n = 2; !target && existsSync(file); n += 1) file = `${stem}-${n}.sqlite`;
  register.db.prepare('VACUUM INTO ?').run(file);
  return file;
}
