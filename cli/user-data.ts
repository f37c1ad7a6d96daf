/** The CLI's default register: the same rule as the desktop app (db/user-data.ts). */
export { defaultRegisterPath } from '../db/user-data.js';
