import { deleteAuthority } from '../db/authority-delete.js';
import { previewPackage, updateFromPackage } from '../db/package-update.js';
import { auditLabels } from '../db/audit-labels.js';
import { createDemo, hasDemo } from '../db/demo.js';
import { RegisterError } from '../db/errors.js';
import { setUpAuthority } from '../db/first-run.js';
import type { Handlers } from './handler-types.js';

/** Upkeep of the register: the first run's set-up or demo, updating an authority from a newer package, deleting one. */
export const upkeepHandlers: Handlers<'authorities.delete' | 'packages.preview' | 'packages.update' | 'register.setup' | 'register.loadDemo' | 'audit.labels'> = {
  'audit.labels': (register) => auditLabels(register),
  'authorities.delete': (register, input) => deleteAuthority(register, input.id, input.confirmName),
  'packages.preview': (register, input) => previewPackage(register, input.package),
  'packages.update': (register, input) => updateFromPackage(register, input.package, { acceptKeyChange: input.acceptKeyChange }),
  // The first run's choices: one's own authority, guided; or the demo, in one click.
  'register.setup': (register, input) => setUpAuthority(register, input),
  'register.loadDemo': (register) => {
    if (hasDemo(register)) throw new RegisterError('conflict', 'the demo authority is already in this register');
    return createDemo(register);
  },
};
