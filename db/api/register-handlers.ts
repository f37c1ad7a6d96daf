import { controlStatus } from '../../shared/methodology/control-status.js';
import { createAuthority, listAuthorities, updateAuthority } from '../authorities.js';
import { createControl, deleteControl, getControl, updateControl } from '../controls.js';
import { addEvidence, deleteEvidence, getEvidence, listEvidence, readEvidenceFile } from '../evidence.js';
import { RegisterError } from '../errors.js';
import { exportPackage } from '../package-export.js';
import { recordPackageExport } from '../audit-head.js';
import { importPackage } from '../package-import.js';
import { registerControls } from '../snapshot.js';
import { listControls } from '../controls.js';
import { registerLibrary } from '../frameworks.js';
import type { Handlers } from './handler-types.js';

export const registerHandlers: Handlers<
  | 'authorities.list'
  | 'authorities.create'
  | 'authorities.update'
  | 'controls.list'
  | 'controls.create'
  | 'controls.update'
  | 'controls.delete'
  | 'evidence.list'
  | 'evidence.add'
  | 'evidence.delete'
  | 'evidence.file'
  | 'packages.export'
  | 'packages.import'
> = {
  'authorities.list': (register) => listAuthorities(register),
  'authorities.create': (register, input) => createAuthority(register, input),
  'authorities.update': (register, input) => updateAuthority(register, input.id, input.authority),
  'controls.list': (register, input) => {
    // Status comes from the same PI-1 rules the flags use, resolved with family defaults.
    const library = registerLibrary(register);
    const resolved = new Map(registerControls(register, input.authorityId).map((c) => [c.uid, c]));
    return listControls(register, input.authorityId).map((control) => {
      const source = resolved.get(control.uid)!;
      const family = library.families.get(control.family);
      const snapshotControl = { ...source, stages: source.stages ?? family?.stages ?? [], riskTypes: source.riskTypes ?? family?.riskTypes ?? [] };
      return { ...control, status: controlStatus(snapshotControl, input.asOf), evidenceCount: source.evidence.length };
    });
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
