import type { IsoDate } from '../domain/dates.js';
import type { Maturity } from '../domain/vocabulary.js';
import type { SnapshotControl, SnapshotFamily } from '../snapshot/schema.js';
import { combinedMitigation, controlEffectiveness, coversCell } from './chain.js';
import type { FacetResult } from './criterion.js';
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
    const unsupported = unsupportedClaimFlag(entry, families);
    if (unsupported) flags.push(unsupported);
    const stale = staleEvidenceFlag(entry, asOf, families);
    if (stale) flags.push(stale);
    const overdue = overdueReviewFlag(entry, asOf, families);
    if (overdue) flags.push(overdue);
  }
  flags.sort(compareFlags);
  const facets = new Map<string, FacetResult>();
  const facetsByList = new WeakMap<readonly string[], FacetResult>();
  const cells = new Map<string, Map<string, { mitigation: number; controls: string[] }>>();
  // Each family's controls (their indexes, in control order), so that a facet looks only at its own.
  const byFamily = new Map<string, number[]>();
  effective.forEach((entry, i) => {
    const list = byFamily.get(entry.control.family);
    if (list) list.push(i);
    else byFamily.set(entry.control.family, [i]);
  });
  /** Equal to facetMaturity(familyIds, effective): the best maturity in the facet's families, and the controls at it, in control order. */
  const facetOf = (familyIds: readonly string[]): FacetResult => {
    // Most facets are one family: its list is already in control order.
    const indexes = familyIds.length === 1 ? (byFamily.get(familyIds[0]!) ?? []) : [...new Set(familyIds)].flatMap((id) => byFamily.get(id) ?? []).sort((a, b) => a - b);
    let best: Maturity = 0;
    for (const i of indexes) if (effective[i]!.effective > best) best = effective[i]!.effective;
    const controls = best > 0 ? indexes.filter((i) => effective[i]!.effective === best).map((i) => effective[i]!.control.uid) : [];
    return { families: [...familyIds], maturity: best, controls };
  };
  // Undefined until the first cell is asked for; null when the lists must be searched (see coverageOf).
  let coverage: Coverage | null | undefined;
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
      // Snapshots of one library share their criteria, so the same facet list comes back again and again.
      let found = facetsByList.get(familyIds);
      if (!found) {
        const key = familyIds.join('\u0000');
        found = facets.get(key);
        if (!found) facets.set(key, (found = facetOf(familyIds)));
        facetsByList.set(familyIds, found);
      }
      // Results are read-only: every result of this layer shares the same lists.
      return found;
    },
    cell(stage, riskType) {
      let row = cells.get(stage);
      if (!row) cells.set(stage, (row = new Map()));
      let found = row.get(riskType);
      if (!found) {
        if (coverage === undefined) coverage = coverageOf(effective);
        // The same controls, in the same order, as cellMitigation(effective, stage, riskType).
        const entries = coverage ? coverage.covering(stage, riskType) : effective.filter((entry) => coversCell(entry.control, stage, riskType));
        const effectiveness: number[] = [];
        const uids: string[] = [];
        for (const entry of entries) {
          effectiveness.push(controlEffectiveness(entry.effective));
          uids.push(entry.control.uid);
        }
        found = { mitigation: combinedMitigation(effectiveness), controls: uids };
        row.set(riskType, found);
      }
      return found;
    },
  };
}

interface Coverage {
  covering(stage: string, riskType: string): EffectiveControl[];
}

/**
 * Which controls cover each stage × risk type cell, found in one pass over the
 * controls (in their order, so each cell's list is what cellMitigation's filter
 * gives), with stages and risk types numbered: the chain asks for every cell,
 * and searching every control's two lists for each of them cost more than the
 * rest of the chain. Null (search the lists) beyond 31 distinct stages or risk types.
 */
function coverageOf(effective: readonly EffectiveControl[]): Coverage | null {
  const stageBits = new Map<string, number>();
  const riskBits = new Map<string, number>();
  const stageMasks = effective.map((entry) => maskOf(entry.control.stages, stageBits));
  const riskMasks = effective.map((entry) => maskOf(entry.control.riskTypes, riskBits));
  if (stageBits.size > 31 || riskBits.size > 31) return null;
  const lists: EffectiveControl[][] = [];
  effective.forEach((entry, i) => {
    for (let stages = stageMasks[i]!, s = 0; stages !== 0; stages >>>= 1, s++) {
      if ((stages & 1) === 0) continue;
      for (let risks = riskMasks[i]!, r = 0; risks !== 0; risks >>>= 1, r++) {
        if ((risks & 1) === 1) (lists[s * 32 + r] ??= []).push(entry);
      }
    }
  });
  return {
    covering(stage, riskType) {
      const s = stageBits.get(stage);
      const r = riskBits.get(riskType);
      // A stage or risk type that no control lists is covered by none.
      return s === undefined || r === undefined ? [] : (lists[s * 32 + r] ?? []);
    },
  };
}

function maskOf(ids: readonly string[], bits: Map<string, number>): number {
  let mask = 0;
  for (const id of ids) {
    let bit = bits.get(id);
    if (bit === undefined) bits.set(id, (bit = bits.size));
    if (bit < 31) mask |= 1 << bit;
  }
  return mask;
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
