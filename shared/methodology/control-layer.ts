import type { IsoDate } from '../domain/dates.js';
import type { SnapshotControl, SnapshotFamily } from '../snapshot/schema.js';
import { cellMitigation } from './chain.js';
import { facetMaturity, type FacetResult } from './criterion.js';
import { effectiveMaturity, type EffectiveControl } from './evidence.js';
import { overdueReviewFlag, staleEvidenceFlag, unsupportedClaimFlag } from './flags/control-flags.js';
import { missingCoreFamilyFlags } from './flags/missing-core-family.js';
import { compareFlags } from './flags/order.js';
import type { Flag } from './flags/types.js';
import type { ControlResult } from './assess.js';

/**
 * Everything PI-1 derives from the controls alone (at one as-of date, with one
 * set of families): effective maturities, the control and core-family flags,
 * each facet's maturity and each cell's mitigation. None of it depends on the
 * assessor's criterion or chain inputs, so an edit of those reuses it.
 */
export interface ControlLayer {
  controls: readonly EffectiveControl[];
  /** The controls as the result reports them; one array shared by every result from this layer (results are read-only). */
  results: ControlResult[];
  /** Control-level and missing-core-family flags, already in the one flag order. */
  flags: readonly Flag[];
  facet(families: readonly string[]): FacetResult;
  cell(stage: string, riskType: string): { mitigation: number; controls: string[] };
}

/**
 * Snapshots are immutable values, so the layer is kept per controls array (and
 * as-of date and families array): the same snapshot parts give the same layer.
 * The memo changes no result, only how often it is computed.
 */
const memo = new WeakMap<readonly SnapshotControl[], WeakMap<readonly SnapshotFamily[], Map<IsoDate, ControlLayer>>>();

export function controlLayer(controls: readonly SnapshotControl[], asOf: IsoDate, familyList: readonly SnapshotFamily[], families: ReadonlyMap<string, SnapshotFamily>): ControlLayer {
  let byFamilies = memo.get(controls);
  if (!byFamilies) memo.set(controls, (byFamilies = new WeakMap()));
  let byDate = byFamilies.get(familyList);
  if (!byDate) byFamilies.set(familyList, (byDate = new Map()));
  let layer = byDate.get(asOf);
  if (!layer) byDate.set(asOf, (layer = buildLayer(controls, asOf, families)));
  return layer;
}

function buildLayer(controls: readonly SnapshotControl[], asOf: IsoDate, families: ReadonlyMap<string, SnapshotFamily>): ControlLayer {
  const effective = controls.map((control) => effectiveMaturity(control, asOf));
  const flags: Flag[] = [...missingCoreFamilyFlags(families, controls)];
  for (const entry of effective) {
    for (const flag of [unsupportedClaimFlag(entry, families), staleEvidenceFlag(entry, asOf, families), overdueReviewFlag(entry, asOf, families)]) {
      if (flag) flags.push(flag);
    }
  }
  flags.sort(compareFlags);
  const facets = new Map<string, FacetResult>();
  const cells = new Map<string, { mitigation: number; controls: string[] }>();
  return {
    controls: effective,
    results: effective.map((entry) => ({
      uid: entry.control.uid,
      family: entry.control.family,
      title: entry.control.title,
      stated: entry.stated,
      effective: entry.effective,
      unsupported: entry.unsupported,
      validEvidence: entry.validEvidence,
    })),
    flags,
    facet(familyIds) {
      const key = familyIds.join('\u0000');
      let found = facets.get(key);
      if (!found) facets.set(key, (found = facetMaturity(familyIds, effective)));
      // Results are read-only: every result of this layer shares the same lists.
      return found;
    },
    cell(stage, riskType) {
      const key = `${stage}\u0000${riskType}`;
      let found = cells.get(key);
      if (!found) cells.set(key, (found = cellMitigation(effective, stage, riskType)));
      return found;
    },
  };
}

/** Merges two lists already in flag order into one, in that order. */
export function mergeSortedFlags(a: readonly Flag[], b: readonly Flag[]): Flag[] {
  const out: Flag[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareFlags(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
