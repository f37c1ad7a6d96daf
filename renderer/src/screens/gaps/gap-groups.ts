import type { Severity } from '../../../../shared/domain/vocabulary.js';
import { SEVERITIES } from '../../../../shared/domain/vocabulary.js';
import type { Flag } from '../../../../shared/methodology/flags/types.js';
import type { FlagText } from './FlagItem.js';

export interface GapItem {
  flag: Flag;
  text: FlagText;
}

/** Flags of one severity about one criterion (or, for flags not about a criterion, of one kind). */
export interface GapGroup {
  key: string;
  severity: Severity;
  /** The criterion id, or null when the group gathers flags of one kind (families, controls, chain cells). */
  criterionId: string | null;
  kind: Flag['kind'];
  items: GapItem[];
  /** The first family a remedy of the group recommends: what "add a control for this" pre-fills. */
  remedy: { family: string; recommendation: string } | null;
}

/**
 * Groups in PI-1's order: by severity (most severe first), then by
 * criterion in the order PI-1 listed its flags; flags about something other
 * than a criterion are grouped by kind.
 */
export function groupGaps(items: readonly GapItem[]): GapGroup[] {
  const groups = new Map<string, GapGroup>();
  for (const item of items) {
    const criterionId = item.flag.subject.type === 'criterion' ? item.flag.subject.id : null;
    const key = `${item.flag.severity}|${criterionId ?? `kind:${item.flag.kind}`}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, severity: item.flag.severity, criterionId, kind: item.flag.kind, items: [], remedy: null }));
    group.items.push(item);
    const family = item.text.remedy.families[0];
    if (!group.remedy && family) group.remedy = { family: family.id, recommendation: family.recommendation };
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  return [...groups.values()].sort((a, b) => rank(a.severity) - rank(b.severity));
}
