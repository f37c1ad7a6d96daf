import type { registerContract } from '../shared/api/contract/register.js';
import { createAuthority, listAuthorities, updateAuthority } from '../db/authorities.js';
import { createControl, deleteControl, getControl, updateControl } from '../db/controls.js';
import { addEvidence, deleteEvidence, getEvidence, listEvidence, readEvidenceFile } from '../db/evidence.js';
import { RegisterError } from '../db/errors.js';
import { exportPackage } from '../db/package-export.js';
import { recordPackageExport } from '../db/audit-head.js';
import { importPackage } from '../db/package-import.js';
import { getAuthority } from '../db/authorities.js';
import { controlItem, controlWindow } from './control-window.js';
import type { Handlers } from './handler-types.js';

/** The rest of the register's methods live with spreadsheet import and upkeep (control-import-handlers, upkeep-handlers). */
export const registerHandlers: Handlers<Exclude<keyof typeof registerContract, 'authorities.delete' | 'controls.importPreview' | 'controls.import' | 'controls.exportSheet' | 'packages.preview' | 'packages.update'>> = {
  'authorities.list': (register) => listAuthorities(register),
  'authorities.create': (register, input) => createAuthority(register, input),
  'authorities.update': (register, input) => updateAuthority(register, input.id, input.authority),
  'controls.list': (register, input) => {
    getAuthority(register, input.authorityId);
    return controlWindow(register, input);
  },
  'controls.get': (register, input) => {
    const control = getControl(register, input.id);
    return controlItem(register, control.authorityId, input.id, input.asOf)!;
  },
  'controls.create': (register, input) => createControl(register, input.authorityId, input.control),
  'controls.update': (register, input) => updateControl(register, input.id, input.control),
  'controls.delete': (register, input) => {
    deleteControl(register, input.id);
    return { deleted: input.id };
  },
  'evidence.list': (register, input) => {
    getControl(register, input.controlId);
    return listEvidence(register, input.controlId);
  },
  'evidence.add': (register, input) =>
    addEvidence(
      register,
      input.controlId,
      input.evidence,
      input.file ? { name: input.file.name, mediaType: input.file.mediaType, content: Buffer.from(input.file.contentBase64, 'base64') } : null,
    ),
  'evidence.delete': (register, input) => {
    deleteEvidence(register, input.id);
    return { deleted: input.id };
  },
  'evidence.file': (register, input) => {
    const evidence = getEvidence(register, input.id);
    const content = readEvidenceFile(register, input.id);
    if (!content || !evidence.fileName) throw new RegisterError('not_found', `evidence ${input.id} has no stored file (only its metadata was recorded)`);
    return { name: evidence.fileName, mediaType: evidence.mediaType, contentBase64: content.toString('base64') };
  },
  'packages.export': (register, input) => {
    const pkg = exportPackage(register, input.authorityId);
    recordPackageExport(register, pkg.authority.uid, pkg.auditHead);
    return pkg;
  },
  'packages.import': (register, input) => importPackage(register, input.package, { acceptKeyChange: input.acceptKeyChange }),
};
