import { existsSync, rmSync } from 'node:fs';
import { closeRegister, openRegister, type Register } from '../db/register.js';
import { requireString } from './args.js';
import type { CliApi } from './api-call.js';

export { printJson, type Output } from './output.js';

/**
 * Opens --db, audits this run's changes as --actor, runs, and always closes.
 * A register file this command created is removed again if the command fails,
 * so a refused import leaves nothing behind.
 */
export function withRegister<T>(values: Record<string, unknown>, work: (register: Register) => T, options: { mustExist?: boolean } = {}): T {
  const { register, finish } = openForCommand(values, options);
  let failed = true;
  try {
    const result = work(register);
    failed = false;
    return result;
  } finally {
    finish(failed);
  }
}

/**
 * The same, for commands that go through the API (cli/api-call.ts): `work`
 * gets the register's API, whose handlers are the ones the app calls.
 */
export async function withApi<T>(values: Record<string, unknown>, work: (api: CliApi, register: Register) => Promise<T>, options: { mustExist?: boolean } = {}): Promise<T> {
  // Loaded here, not at the top: the API pulls in every handler, which a light command (a CSV report) does not need.
  const { cliApi } = await import('./api-call.js');
  const { register, finish } = openForCommand(values, options);
  let failed = true;
  try {
    const result = await work(cliApi(register), register);
    failed = false;
    return result;
  } finally {
    finish(failed);
  }
}

function openForCommand(values: Record<string, unknown>, options: { mustExist?: boolean }): { register: Register; finish: (failed: boolean) => void } {
  const file = requireString(values, 'db');
  const created = !existsSync(file);
  const register = openRegister(file, { mustExist: options.mustExist ?? true });
  if (typeof values.actor === 'string' && values.actor.trim()) register.actor = values.actor.trim();
  return {
    register,
    finish: (failed) => {
      closeRegister(register);
      if (failed && created) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}
