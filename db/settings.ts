import { DEFAULT_ACTOR } from '../shared/domain/actor.js';
import type { Register } from './register.js';

export { DEFAULT_ACTOR };

export function getSetting(register: Register, key: string): string | null {
  const row = register.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(register: Register, key: string, value: string): void {
  register.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The name written into the audit log for every change made through this register. */
export function actorName(register: Register): string {
  return register.actor ?? getSetting(register, 'actor') ?? DEFAULT_ACTOR;
}
