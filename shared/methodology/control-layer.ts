import type { IsoDate } from '../domain/dates.js';
import type { SnapshotControl, SnapshotFamily } from '../snapshot/schema.js';
import { combinedMitigation, controlEffectiveness } from './chain.js';
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
  const cells = new Map<string, Map<string, { mitigation: number; controls: string[] }>>();
  let covering: ReadonlyMap<string, ReadonlyMap<string, EffectiveControl[]>> | undefined;
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
      let row = cells.get(stage);
      if (!row) cells.set(stage, (row = new Map()));
      let found = row.get(riskType);
      if (!found) {
        covering ??= coveringControls(effective);
        // Equal to cellMitigation(effective, stage, riskType): the same controls, in the same order.
        const entries = covering.get(stage)?.get(riskType) ?? [];
        found = { mitigation: combinedMitigation(entries.map((entry) => controlEffectiveness(entry.effective))), controls: entries.map((entry) => entry.control.uid) };
        row.set(riskType, found);
      }
      return found;
    },
  };
}

/**
 * The controls covering each stage and risk type, in control order: one pass
 * over the controls instead of one per cell (the chain has every stage × risk type).
 */
function coveringControls(effective: readonly EffectiveControl[]): Map<string, Map<string, EffectiveControl[]>> {
  const index = new Map<string, Map<string, EffectiveControl[]>>();
  for (const entry of effective) {
    const { stages, riskTypes } = entry.control;
    stages.forEach((stage, i) => {
      if (stages.indexOf(stage) !== i) return; // a repeated stage covers its cells once
      let row = index.get(stage);
      if (!row) index.set(stage, (row = new Map()));
      riskTypes.forEach((riskType, j) => {
        if (riskTypes.indexOf(riskType) !== j) return;
        const list = row.get(riskType);
        if (list) list.push(entry);
        else row.set(riskType, [entry]);
      });
    });
  }
  return index;
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
