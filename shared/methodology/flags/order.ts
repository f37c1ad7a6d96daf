import { compareStrings } from '../../domain/compare.js';
import { FLAG_KINDS } from '../../domain/vocabulary.js';
import { severityRank } from './severity.js';
import type { Flag } from './types.js';

/** Most severe first, then by kind, then by subject: one order for every screen and report. */
export function compareFlags(a: Flag, b: Flag): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    FLAG_KINDS.indexOf(a.kind) - FLAG_KINDS.indexOf(b.kind) ||
    compareStrings(a.subject.id, b.subject.id)
  );
}

export function countBySeverity(flags: readonly Flag[]): Record<Flag['severity'], number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const flag of flags) counts[flag.severity] += 1;
  return counts;
}
