import type { SnapshotFamily } from '../../snapshot/schema.js';
import type { RemedyFamily } from './types.js';

/** Looks up families by id, in the given order, skipping duplicates. */
export function remedyFamilies(ids: Iterable<string>, families: ReadonlyMap<string, SnapshotFamily>): RemedyFamily[] {
  const out: RemedyFamily[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const family = families.get(id);
    if (!family || seen.has(id)) continue;
    seen.add(id);
    out.push({ id: family.id, title: family.title, recommendation: family.recommendation });
  }
  return out;
}
