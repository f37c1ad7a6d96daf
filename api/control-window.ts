import { listControls } from '../db/controls.js';
import { registerLibrary } from '../db/frameworks.js';
import type { Register } from '../db/register.js';
import { withEvidence } from '../db/snapshot.js';
import type { ControlListItem, ControlWindow } from '../shared/api/results.js';
import { libraryText } from '../shared/library/translations.js';
import { controlStatus } from '../shared/methodology/control-status.js';
import { queryControls, type ControlQuery } from '../shared/register/control-query.js';
import { registerStamp } from './scoring-cache.js';

interface Listed {
  key: string;
  items: ControlListItem[];
  /** The last query's rows, so scrolling through windows does not filter and sort again. */
  last: { key: string; rows: ControlListItem[] } | null;
}

const caches = new WeakMap<Register, Map<number, Listed>>();

/** Every control of the authority with its PI-1 status at `asOf`, kept until the register changes. */
function listed(register: Register, authorityId: number, asOf: string): Listed {
  let cache = caches.get(register);
  if (!cache) caches.set(register, (cache = new Map()));
  const key = `${registerStamp(register)}|${asOf}`;
  const hit = cache.get(authorityId);
  if (hit && hit.key === key) return hit;
  const library = registerLibrary(register);
  // Each control and its evidence read once; status comes from the same PI-1 rules the flags use, resolved with family defaults.
  const rows = listControls(register, authorityId);
  const sources = withEvidence(register, authorityId, rows);
  const items = rows.map((control, i) => {
    const source = sources[i]!;
    const family = library.families.get(control.family);
    const snapshotControl = { ...source, stages: source.stages ?? family?.stages ?? [], riskTypes: source.riskTypes ?? family?.riskTypes ?? [] };
    return { ...control, status: controlStatus(snapshotControl, asOf), evidenceCount: source.evidence.length };
  });
  const entry: Listed = { key, items, last: null };
  cache.set(authorityId, entry);
  return entry;
}

/** One control as the register lists it (with its status at `asOf`). */
export function controlItem(register: Register, authorityId: number, id: number, asOf: string): ControlListItem | undefined {
  return listed(register, authorityId, asOf).items.find((c) => c.id === id);
}

/** One window of the authority's register, filtered and sorted as the screen asks. */
export function controlWindow(
  register: Register,
  input: { authorityId: number; asOf: string; offset: number; limit: number; language: string } & ControlQuery,
): ControlWindow {
  const entry = listed(register, input.authorityId, input.asOf);
  const queryKey = JSON.stringify([input.filters, input.sort, input.language]);
  if (entry.last?.key !== queryKey) {
    const library = registerLibrary(register);
    const text = libraryText(input.language);
    const rows = queryControls(entry.items, input, {
      locale: input.language,
      familyName: (id) => {
        const family = library.families.get(id);
        return family ? text.family(family) : id;
      },
      familyStages: (id) => library.families.get(id)?.stages ?? [],
    });
    entry.last = { key: queryKey, rows };
  }
  const rows = entry.last.rows;
  return { total: entry.items.length, matching: rows.length, offset: input.offset, rows: rows.slice(input.offset, input.offset + input.limit) };
}
