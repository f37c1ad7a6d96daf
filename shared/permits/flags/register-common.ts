import type { PermitFlag, RegisterPermit } from '../records.js';
import { registerDate } from '../records.js';

/** A flag on a register permit. */
export function registerFlag(kind: PermitFlag['kind'], permit: RegisterPermit, details: PermitFlag['details']): PermitFlag {
  return { kind, source: 'register', permit: permit.number, date: registerDate(permit) ?? '', taxon: permit.taxon, officer: permit.officer || null, applicant: permit.applicant || null, details };
}
