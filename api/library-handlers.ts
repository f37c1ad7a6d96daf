import type { appContract } from '../shared/api/contract/app.js';
import { LANGUAGES, type Language } from '../shared/api/inputs.js';
import { familyList } from '../shared/library/library.js';
import { METHODOLOGY_ID, METHODOLOGY_VERSION } from '../shared/methodology/version.js';
import { listAudit, verifyAudit, appendAudit } from '../db/audit.js';
import { importFramework, registerLibrary } from '../db/frameworks.js';
import { inTransaction } from '../db/register.js';
import { actorName, getSetting, setSetting } from '../db/settings.js';
import { backupRegister } from '../db/backup.js';
import type { Handlers } from './handler-types.js';
import type { Register } from '../db/register.js';

function settings(register: Register) {
  const language = getSetting(register, 'language');
  return { actor: actorName(register), language: (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : null };
}

/** First run and audit labels live in upkeep-handlers. */
export const libraryHandlers: Handlers<Exclude<keyof typeof appContract, 'audit.labels' | 'register.setup' | 'register.loadDemo'>> = {
  'app.info': (register, _input, env) => ({
    version: env.version,
    methodology: { id: METHODOLOGY_ID, version: METHODOLOGY_VERSION },
    registerFile: register.file,
    transport: env.transport,
  }),
  'settings.get': (register) => settings(register),
  'settings.set': (register, input) =>
    inTransaction(register, () => {
      const before = settings(register);
      for (const key of ['actor', 'language'] as const) {
        const value = input[key];
        if (value === undefined || value === before[key]) continue;
        setSetting(register, key, value);
        // Who changes are attributed to is audited; the UI language is a preference, not an event.
        if (key === 'actor') appendAudit(register, { action: 'update', entity: 'setting', entityId: key, field: key, oldValue: before[key], newValue: value });
      }
      return settings(register);
    }),
  'library.importFramework': (register, input) => importFramework(register, input.name, input.framework),
  'library.get': (register) => {
    const library = registerLibrary(register);
    return { version: library.version, frameworks: [...library.frameworks.values()], families: familyList(library), stages: [...library.stages], riskTypes: [...library.riskTypes] };
  },
  'audit.list': (register, input) => listAudit(register, { limit: input.limit, beforeId: input.beforeId, newestFirst: true }),
  'audit.verify': (register) => verifyAudit(register),
  'register.backup': (register) => ({ file: backupRegister(register) }),
};
