import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDemo, isEmptyRegister } from './demo.js';
import { openRegister, type Register } from './register.js';

/**
 * Opens (creating) the user's register. The app leaves a new register empty:
 * it opens to the first-run choice (set up your authority, explore the demo,
 * import). The terminal summary, which has no such choice, loads the demo.
 */
export function openUserRegister(file: string, say: (text: string) => void = () => {}, options: { demoWhenEmpty?: boolean } = {}): Register {
  mkdirSync(dirname(file), { recursive: true });
  const register = openRegister(file);
  if (isEmptyRegister(register)) {
    if (options.demoWhenEmpty) {
      createDemo(register);
      say(`New register at ${file}: loaded the demo authority.`);
    } else say(`New register at ${file}: it is empty; the app opens to the first-run choice (your authority, the demo, or an import).`);
  }
  return register;
}
