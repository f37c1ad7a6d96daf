import type { PermitFlag, RegisterPermit } from '../records.js';
import { registerFlag } from './register-common.js';

/**
 * Dead permits used: a permit marked cancelled or replaced that carries an
 * endorsement or is marked used; or one that another permit replaces and
 * that is used, or endorsed on or after the replacement's issue.
 */
export function deadPermitFlags(permits: readonly RegisterPermit[]): PermitFlag[] {
  const replacement = new Map<string, RegisterPermit>();
  for (const p of permits) if (p.replaces) replacement.set(p.replaces, p);
  const flags: PermitFlag[] = [];
  for (const p of permits) {
    const by = replacement.get(p.number);
    if ((p.status === 'cancelled' || p.status === 'replaced') && p.endorsedAt) {
      flags.push(registerFlag('dead-permit-used', p, { rule: 'endorsed', status: p.status, endorsedAt: p.endorsedAt.slice(0, 10) }));
    } else if (by && p.status === 'used') {
      flags.push(registerFlag('dead-permit-used', p, { rule: 'used-after-replacement', replacedBy: by.number }));
    } else if (by && p.endorsedAt && (!by.issuedAt || p.endorsedAt >= by.issuedAt)) {
      flags.push(registerFlag('dead-permit-used', p, { rule: 'endorsed-after-replacement', replacedBy: by.number, endorsedAt: p.endorsedAt.slice(0, 10) }));
    }
  }
  return flags;
}
