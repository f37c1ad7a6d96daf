import { appendAudit } from './audit.js';
import { listAssessments } from './assessments.js';
import { getAuthority } from './authorities.js';
import { backupRegister } from './backup.js';
import { listControls } from './controls.js';
import { RegisterError } from './errors.js';
import { inTransaction, type Register } from './register.js';

export interface AuthorityDeletion {
  deleted: number;
  name: string;
  /** The copy of the whole register taken just before the deletion. */
  backup: string;
}

/**
 * Deletes an authority with everything it holds, locked assessments included
 * (the only way a locked assessment ever leaves a register; none is ever
 * edited). The user confirms by typing the authority's name; a backup of the
 * whole register is written first; the deletion and its audit entry (with
 * what was removed and where the backup is) land in one transaction.
 */
export function deleteAuthority(register: Register, id: number, confirmName: string): AuthorityDeletion {
  const authority = getAuthority(register, id);
  if (confirmName.trim() !== authority.name.trim()) {
    throw new RegisterError('invalid', `confirmName: type the authority's name exactly ("${authority.name}") to confirm the deletion; nothing was deleted`);
  }
  const assessments = listAssessments(register, id);
  const controls = listControls(register, id).length;
  const backup = backupRegister(register);
  inTransaction(register, () => {
    register.db.prepare('INSERT INTO authority_removals (authority_id) VALUES (?)').run(id);
    register.db.prepare('DELETE FROM authorities WHERE id = ?').run(id);
    register.db.prepare('DELETE FROM authority_removals WHERE authority_id = ?').run(id);
    appendAudit(register, {
      action: 'delete',
      entity: 'authority',
      entityId: authority.uid,
      oldValue: {
        name: authority.name,
        country: authority.country,
        controls,
        assessments: assessments.map((a) => ({ uid: a.uid, title: a.title, status: a.status, digest: a.digest })),
        backup,
      },
    });
  });
  return { deleted: id, name: authority.name, backup };
}
