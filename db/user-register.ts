import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDemo, isEmptyRegister } from './demo.js';
import { openRegister, type Register } from './register.js';

/** Opens (creating) the user's register; an empty one receives the demo authority. */
export function openUserRegister(file: string, say: (text: string) => void = () => {}): Register {
  mkdirSync(dirname(file), { recursive: true });
  const register = openRegister(file);
  if (isEmptyRegister(register)) {
    createDemo(register);
    say(`New register at ${file}: loaded the demo authority.`);
  }
  return register;
}
