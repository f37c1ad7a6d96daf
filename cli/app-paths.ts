import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemo, isEmptyRegister } from '../db/demo.js';
import { openRegister, type Register } from '../db/register.js';

/** The built renderer (vite build output), next to the compiled CLI in dist/. */
export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function rendererBuilt(): boolean {
  return existsSync(`${RENDERER_DIR}index.html`);
}

/** Opens (creating) the user's register; an empty one receives the demo authority. */
export function openUserRegister(file: string, say: (text: string) => void): Register {
  mkdirSync(dirname(file), { recursive: true });
  const register = openRegister(file);
  if (isEmptyRegister(register)) {
    createDemo(register);
    say(`New register at ${file}: loaded the demo authority.`);
  }
  return register;
}
