import type { SnapshotFamily } from '../../snapshot/schema.js';
import type { RemedyFamily } from './types.js';

/**
 * Each family's remedy, made once per family list: a large register raises
 * thousands of flags naming the same few families. Flags are read-only, so
 * they can share these objects.
 */
const remedies = new WeakMap<ReadonlyMap<string, SnapshotFamily>, Map<string, RemedyFamily>>();

function remedyOf(families: ReadonlyMap<string, SnapshotFamily>, family: SnapshotFamily): RemedyFamily {
  let known = remedies.get(families);
  if (!known) remedies.set(families, (known = new Map()));
  let remedy = known.get(family.id);
  if (!remedy) known.set(family.id, (remedy = { id: family.id, title: family.title, recommendation: family.recommendation }));
  return remedy;
}

/** Looks up families by id, in the given order, skipping duplicates. */
export function remedyFamilies(ids: Iterable<string>, families: ReadonlyMap<string, SnapshotFamily>): RemedyFamily[] {
  const out: RemedyFamily[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const family = families.get(id);
    if (!family || seen.has(id)) continue;
    seen.add(id);
    out.push(remedyOf(families, family));
  }
  return out;
}
