import { closeRegister, openRegister, type Register } from '../db/register.js';
import { setSetting } from '../db/settings.js';
import { requireString } from './args.js';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Opens --db, applies --actor for the audit log, runs, and always closes. */
export function withRegister<T>(values: Record<string, unknown>, work: (register: Register) => T, options: { mustExist?: boolean } = {}): T {
  const register = openRegister(requireString(values, 'db'), { mustExist: options.mustExist ?? true });
  try {
    if (typeof values.actor === 'string' && values.actor.trim()) setSetting(register, 'actor', values.actor.trim());
    return work(register);
  } finally {
    closeRegister(register);
  }
}

export function printJson(io: Output, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
