import type { PermitFlag, RegisterPermit } from './records.js';

/** The keys of a flag's details that hold a person's id (officer-concentration and structuring put them there). */
const PEOPLE_DETAILS = new Set(['officer', 'applicant', 'endorsingOfficer']);

/**
 * A flag as shown when the user has not chosen to see people: no officer, no
 * applicant, and none in its details either. Pseudonyms are still personal
 * data (the key that makes them sits in the register).
 */
export function flagWithoutPeople<F extends PermitFlag>(flag: F): F {
  const details = Object.fromEntries(Object.entries(flag.details).filter(([key]) => !PEOPLE_DETAILS.has(key)));
  return { ...flag, officer: null, applicant: null, details };
}

/** A register permit as the records dialog shows it: the people are null when hidden. */
export type ShownRegisterPermit = Omit<RegisterPermit, 'officer' | 'applicant'> & { officer: string | null; applicant: string | null };

export function permitWithoutPeople(permit: RegisterPermit | ShownRegisterPermit): ShownRegisterPermit {
  return { ...permit, officer: null, applicant: null, endorsingOfficer: null };
}
