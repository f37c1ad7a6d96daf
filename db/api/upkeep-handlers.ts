import { deleteAuthority } from '../authority-delete.js';
import { previewPackage, updateFromPackage } from '../package-update.js';
import type { Handlers } from './handler-types.js';

/** A consultant's upkeep of the register: updating an authority from a newer package, deleting one. */
export const upkeepHandlers: Handlers<'authorities.delete' | 'packages.preview' | 'packages.update'> = {
  'authorities.delete': (register, input) => deleteAuthority(register, input.id, input.confirmName),
  'packages.preview': (register, input) => previewPackage(register, input.package),
  'packages.update': (register, input) => updateFromPackage(register, input.package),
};
