import type { SnapshotControl, SnapshotFamily } from '../../snapshot/schema.js';
import { remedyFamilies } from './remedy.js';
import type { Flag } from './types.js';

/**
 * PI-1 §5: every core family needs at least one control; a missing one is critical.
 * PI-1.1: a control rated 0 (Absent) is by definition no measure, so it does not count as present.
 */
export function missingCoreFamilyFlags(families: ReadonlyMap<string, SnapshotFamily>, controls: readonly SnapshotControl[]): Flag[] {
  const present = new Set(controls.filter((control) => control.maturity > 0).map((control) => control.family));
  return [...families.values()]
    .filter((family) => family.core && !present.has(family.id))
    .map((family) => ({
      kind: 'missing-core-family' as const,
      severity: 'critical' as const,
      subject: { type: 'family' as const, id: family.id, label: family.title },
      reason: `The authority has no control in the core family "${family.title}".`,
      params: { family: family.id },
      remedy: {
        action: `Establish at least one ${family.title} control and record it in the register.`,
        families: remedyFamilies([family.id], families),
      },
    }));
}
