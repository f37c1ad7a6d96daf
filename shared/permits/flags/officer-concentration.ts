import type { PermitFlag, RegisterPermit } from '../records.js';
import { groupBy } from './common.js';
import { registerFlag } from './register-common.js';

export interface OfficerConcentrationParams {
  /** Share of an applicant's permits one officer must issue to be a flag. Default 0.8. */
  share: number;
  /** An applicant needs at least this many permits before the share means anything. Default 10. */
  minPermits: number;
}

export const OFFICER_CONCENTRATION_DEFAULTS: OfficerConcentrationParams = { share: 0.8, minPermits: 10 };

const issued = (permits: readonly RegisterPermit[]) => permits.filter((p) => p.officer && p.applicant);

/**
 * Officer concentration: one officer issues at least `share` of an
 * applicant's permits, the applicant having at least `minPermits`. That
 * officer's permits for the applicant are flagged.
 */
export function officerConcentrationFlags(permits: readonly RegisterPermit[], params: OfficerConcentrationParams = OFFICER_CONCENTRATION_DEFAULTS): PermitFlag[] {
  const flags: PermitFlag[] = [];
  for (const [applicant, list] of groupBy(issued(permits), (p) => p.applicant)) {
    if (list.length < params.minPermits) continue;
    const byOfficer = groupBy(list, (p) => p.officer);
    for (const [officer, own] of byOfficer) {
      const share = own.length / list.length;
      if (share < params.share) continue;
      for (const p of own) flags.push(registerFlag('officer-concentration', p, { officer, applicant, permits: own.length, applicantPermits: list.length, sharePercent: Math.round(share * 1000) / 10 }));
    }
  }
  return flags;
}

export interface OfficerHhi {
  officer: string;
  permits: number;
  applicants: number;
  /** Herfindahl-Hirschman index of the officer's permits across applicants, 0-10,000 (10,000 = all for one applicant). */
  hhi: number;
}

/** The HHI per officer, highest first: how far each officer's work is concentrated on few applicants. */
export function officerHhi(permits: readonly RegisterPermit[]): OfficerHhi[] {
  const rows: OfficerHhi[] = [];
  for (const [officer, list] of groupBy(issued(permits), (p) => p.officer)) {
    const counts = [...groupBy(list, (p) => p.applicant).values()].map((l) => l.length);
    const hhi = counts.reduce((sum, n) => sum + ((n / list.length) * 100) ** 2, 0);
    rows.push({ officer, permits: list.length, applicants: counts.length, hhi: Math.round(hhi) });
  }
  return rows.sort((a, b) => b.hhi - a.hhi || (a.officer < b.officer ? -1 : 1));
}
