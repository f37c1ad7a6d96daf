import type { PermitFlag, RegisterPermit } from '../records.js';
import { registerFlag } from './register-common.js';

/**
 * Endorsement problems: more endorsed than the permit allows, an endorsement
 * dated after the permit's validity, or the issuing officer endorsing their
 * own permit (no second pair of eyes).
 */
export function endorsementFlags(permits: readonly RegisterPermit[]): PermitFlag[] {
  const flags: PermitFlag[] = [];
  for (const p of permits) {
    if (p.endorsedQuantity !== null && p.quantity !== null && p.endorsedQuantity > p.quantity) {
      flags.push(registerFlag('endorsement-problem', p, { rule: 'quantity', quantity: p.quantity, endorsedQuantity: p.endorsedQuantity }));
    }
    if (p.endorsedAt && p.validUntil && p.endorsedAt.slice(0, 10) > p.validUntil.slice(0, 10)) {
      flags.push(registerFlag('endorsement-problem', p, { rule: 'after-validity', endorsedAt: p.endorsedAt.slice(0, 10), validUntil: p.validUntil.slice(0, 10) }));
    }
    if (p.endorsingOfficer && p.officer && p.endorsingOfficer === p.officer) {
      flags.push(registerFlag('endorsement-problem', p, { rule: 'same-officer' }));
    }
  }
  return flags;
}
