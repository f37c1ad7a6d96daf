import type { PermitFlag, RegisterPermit } from './records.js';

/**
 * Which stored records lie behind a flag, so the reader can check it: the
 * Trade Database lines under the flagged export permit (both reporters), or
 * the register permits the rule looked at.
 */

/** The trade lines behind a trade flag: every line under its export permit id, or the one line it was keyed by (no export permit). */
export function tradeLinesOf(permitKey: string): { exportPermit: string } | { lineId: string } {
  return permitKey.startsWith('line:') ? { lineId: permitKey.slice('line:'.length) } : { exportPermit: permitKey };
}

/** Why a register permit is shown with a flag, in display order. */
export const INVOLVEMENT_ROLES = ['flagged', 'replaces', 'replaced-by', 'series-previous'] as const;
export type InvolvementRole = (typeof INVOLVEMENT_ROLES)[number];

/**
 * The numbers to look up besides the flagged one: the permit the flagged one
 * replaces, the replacement the rule named, and for a gap in a series the
 * number before the gap. (Permits that replace the flagged one are found by
 * their own `replaces`.)
 */
export function relatedNumbers(flag: PermitFlag, flagged: readonly Pick<RegisterPermit, 'replaces'>[]): string[] {
  const numbers = new Set<string>();
  for (const p of flagged) if (p.replaces) numbers.add(p.replaces);
  for (const key of ['after', 'replacedBy']) {
    const value = flag.details[key];
    if (typeof value === 'string' && value) numbers.add(value);
  }
  numbers.delete(flag.permit);
  return [...numbers];
}

/**
 * The register permits involved in a flag, each with its role, in role order
 * then input order: the permit(s) carrying the flagged number (both copies of
 * a duplicate), the permit it replaces, the permits replacing it, and the
 * permit before a gap. Rows that play no role are left out.
 */
export function involvedPermits<P extends Pick<RegisterPermit, 'number' | 'replaces'>>(flag: PermitFlag, rows: readonly P[]): Array<{ role: InvolvementRole; permit: P }> {
  const flaggedReplaces = new Set(rows.filter((p) => p.number === flag.permit && p.replaces).map((p) => p.replaces!));
  const before = flag.kind === 'number-series' && typeof flag.details.after === 'string' ? flag.details.after : null;
  const roleOf = (p: P): InvolvementRole | null => {
    if (p.number === flag.permit) return 'flagged';
    if (flaggedReplaces.has(p.number)) return 'replaces';
    if (p.replaces === flag.permit || flag.details.replacedBy === p.number) return 'replaced-by';
    if (before !== null && p.number === before) return 'series-previous';
    return null;
  };
  const shown = rows.flatMap((permit, i) => {
    const role = roleOf(permit);
    return role ? [{ role, permit, i }] : [];
  });
  shown.sort((a, b) => INVOLVEMENT_ROLES.indexOf(a.role) - INVOLVEMENT_ROLES.indexOf(b.role) || a.i - b.i);
  return shown.map(({ role, permit }) => ({ role, permit }));
}
