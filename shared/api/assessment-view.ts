import type { AssessmentRecord } from '../domain/records.js';
import type { Severity } from '../domain/vocabulary.js';
import type { AssessmentResult, ChainCellResult, CriterionResult } from '../methodology/assess.js';
import type { FacetResult } from '../methodology/criterion.js';
import { compareFlags } from '../methodology/flags/order.js';
import type { Flag } from '../methodology/flags/types.js';
import type { Snapshot } from '../snapshot/schema.js';

/**
 * What the screens get for an assessment. At 10,000 controls the full result
 * is tens of megabytes, almost all of it per-control detail, so each fact is
 * sent once: control-level flags are counted here and paged on demand
 * (assessments.flags), facets and cells name at most NAMED_CONTROLS controls
 * with the full count, and each named control is described once in `controls`.
 */
export const NAMED_CONTROLS = 20;

/** One control as the screens name it: title and the maturity PI-1 found. */
export interface ControlBrief {
  uid: string;
  title: string;
  family: string;
  stated: number;
  effective: number;
  unsupported: boolean;
}

export interface FacetView extends FacetResult {
  /** How many controls produce the facet's maturity; `controls` names the first NAMED_CONTROLS. */
  controlCount: number;
}

export interface CriterionView extends Omit<CriterionResult, 'facets'> {
  facets: FacetView[];
}

export interface CellView extends ChainCellResult {
  /** How many controls cover the cell; `controls` names the strongest NAMED_CONTROLS. */
  controlCount: number;
}

/** Flags about single controls, counted by kind and severity (the list itself is paged). */
export interface FlagGroupCount {
  kind: Flag['kind'];
  severity: Severity;
  count: number;
}

export interface AssessmentDetail {
  assessment: AssessmentRecord;
  /** Changes whenever the scored result may have changed; edits answer relative to it. */
  version: string;
  snapshot: Omit<Snapshot, 'controls'> & { controlCount: number };
  result: Omit<AssessmentResult, 'controls' | 'criteria' | 'chain' | 'flags'> & {
    criteria: CriterionView[];
    chain: CellView[];
    /** Every flag not about a single control: criteria, families and cells. */
    flags: Flag[];
    controlFlags: FlagGroupCount[];
  };
  controls: Record<string, ControlBrief>;
}

/** What an edit answers: what changed since `baseVersion`, nothing else. */
export interface AssessmentChange {
  assessment: AssessmentRecord;
  baseVersion: string;
  version: string;
  header: Pick<AssessmentDetail['result'], 'methodology' | 'asOf' | 'overall' | 'articles' | 'sections' | 'offences' | 'flagCounts' | 'controlFlags'>;
  criteria: CriterionView[];
  chain: CellView[];
  flags: { added: Flag[]; removed: string[] };
  criterionInputs: Snapshot['criterionInputs'];
  chainInputs: Snapshot['chain'];
  controls: Record<string, ControlBrief>;
}

export function isControlFlag(flag: Flag): boolean {
  return flag.subject.type === 'control';
}

/** A flag's identity across two scorings: what it is about, not what it says. */
export function flagKey(flag: Flag): string {
  return `${flag.kind}|${flag.subject.type}|${flag.subject.id}`;
}

const cellKey = (cell: { stage: string; riskType: string }) => `${cell.stage}/${cell.riskType}`;

/** The screens' view of a scored assessment (see AssessmentDetail). */
const controlIndexes = new WeakMap<AssessmentResult['controls'], ReadonlyMap<string, AssessmentResult['controls'][number]>>();

/** Results of one control layer share their controls array, so its index is built once. */
function controlIndex(controls: AssessmentResult['controls']): ReadonlyMap<string, AssessmentResult['controls'][number]> {
  let index = controlIndexes.get(controls);
  if (!index) controlIndexes.set(controls, (index = new Map(controls.map((c) => [c.uid, c]))));
  return index;
}

export function assessmentView(assessment: AssessmentRecord, version: string, snapshot: Snapshot, result: AssessmentResult): AssessmentDetail {
  const byUid = controlIndex(result.controls);
  const named = new Set<string>();
  const name = (uids: string[]) => {
    const first = uids.slice(0, NAMED_CONTROLS);
    first.forEach((uid) => named.add(uid));
    return first;
  };
  const criteria = result.criteria.map((c): CriterionView => ({ ...c, facets: c.facets.map((f) => ({ ...f, controls: name(f.controls), controlCount: f.controls.length })) }));
  const chain = result.chain.map((cell): CellView => ({ ...cell, controls: name(strongest(cell.controls, byUid)), controlCount: cell.controls.length }));
  const counts: FlagGroupCount[] = [];
  const flags: Flag[] = [];
  for (const flag of result.flags) {
    if (!isControlFlag(flag)) {
      flags.push(flag);
      continue;
    }
    // Flags come in the one flag order (severity, then kind), so a group's flags are consecutive.
    const last = counts[counts.length - 1];
    if (last && last.kind === flag.kind && last.severity === flag.severity) last.count += 1;
    else counts.push({ kind: flag.kind, severity: flag.severity, count: 1 });
  }
  const controls: Record<string, ControlBrief> = {};
  for (const uid of named) {
    const c = byUid.get(uid);
    if (c) controls[uid] = { uid, title: c.title, family: c.family, stated: c.stated, effective: c.effective, unsupported: c.unsupported };
  }
  const { controls: _all, ...snapshotRest } = snapshot;
  void _all;
  return {
    assessment,
    version,
    snapshot: { ...snapshotRest, controlCount: snapshot.controls.length },
    result: { methodology: result.methodology, asOf: result.asOf, overall: result.overall, articles: result.articles, sections: result.sections, offences: result.offences, flagCounts: result.flagCounts, criteria, chain, flags, controlFlags: counts },
    controls,
  };
}

/**
 * The first NAMED_CONTROLS of `uids` by effective maturity, strongest first
 * (ties in their given order): one pass into five buckets, no sort of thousands.
 */
const strongestMemo = new WeakMap<readonly string[], string[]>();

function strongest(uids: readonly string[], byUid: ReadonlyMap<string, { effective: number }>): string[] {
  let found = strongestMemo.get(uids);
  if (!found) strongestMemo.set(uids, (found = strongestOf(uids, byUid)));
  return found;
}

function strongestOf(uids: readonly string[], byUid: ReadonlyMap<string, { effective: number }>): string[] {
  const buckets: string[][] = [[], [], [], [], []];
  for (const uid of uids) {
    const level = byUid.get(uid)?.effective ?? 0;
    const bucket = buckets[4 - level]!;
    if (bucket.length < NAMED_CONTROLS) bucket.push(uid);
  }
  return buckets.flat().slice(0, NAMED_CONTROLS);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from one view to the next: the answer an edit sends. */
export function diffViews(before: AssessmentDetail, after: AssessmentDetail): AssessmentChange {
  const oldCriteria = new Map(before.result.criteria.map((c) => [`${c.frameworkId}:${c.id}`, c]));
  const oldCells = new Map(before.result.chain.map((c) => [cellKey(c), c]));
  const oldChainInputs = new Map(before.snapshot.chain.map((c) => [cellKey(c), c]));
  const oldFlags = new Map(before.result.flags.map((f) => [flagKey(f), f]));
  const newFlagKeys = new Set(after.result.flags.map(flagKey));
  const criteria = after.result.criteria.filter((c) => !same(oldCriteria.get(`${c.frameworkId}:${c.id}`), c));
  const chain = after.result.chain.filter((c) => !same(oldCells.get(cellKey(c)), c));
  const controls: Record<string, ControlBrief> = {};
  for (const uid of [...criteria.flatMap((c) => c.facets.flatMap((f) => f.controls)), ...chain.flatMap((c) => c.controls)]) {
    if (after.controls[uid] && !same(before.controls[uid], after.controls[uid])) controls[uid] = after.controls[uid];
  }
  const { methodology, asOf, overall, articles, sections, offences, flagCounts, controlFlags } = after.result;
  return {
    assessment: after.assessment,
    baseVersion: before.version,
    version: after.version,
    header: { methodology, asOf, overall, articles, sections, offences, flagCounts, controlFlags },
    criteria,
    chain,
    flags: {
      added: after.result.flags.filter((f) => !same(oldFlags.get(flagKey(f)), f)),
      removed: [...oldFlags.keys()].filter((key) => !newFlagKeys.has(key)),
    },
    criterionInputs: after.snapshot.criterionInputs,
    chainInputs: after.snapshot.chain.filter((c) => !same(oldChainInputs.get(cellKey(c)), c)),
    controls,
  };
}

/**
 * The view an edit's answer leads to, or null when the answer is relative to
 * another version than the one held (then the screen fetches the whole view).
 */
export function applyChange(detail: AssessmentDetail, change: AssessmentChange): AssessmentDetail | null {
  if (detail.version !== change.baseVersion) return null;
  const criteria = new Map(change.criteria.map((c) => [`${c.frameworkId}:${c.id}`, c]));
  const cells = new Map(change.chain.map((c) => [cellKey(c), c]));
  const chainInputs = new Map(change.chainInputs.map((c) => [cellKey(c), c]));
  const added = new Map(change.flags.added.map((f) => [flagKey(f), f]));
  const removed = new Set(change.flags.removed);
  const kept = detail.result.flags.filter((f) => !removed.has(flagKey(f)) && !added.has(flagKey(f)));
  return {
    assessment: change.assessment,
    version: change.version,
    snapshot: { ...detail.snapshot, criterionInputs: change.criterionInputs, chain: detail.snapshot.chain.map((c) => chainInputs.get(cellKey(c)) ?? c) },
    result: {
      ...detail.result,
      ...change.header,
      criteria: detail.result.criteria.map((c) => criteria.get(`${c.frameworkId}:${c.id}`) ?? c),
      chain: detail.result.chain.map((c) => cells.get(cellKey(c)) ?? c),
      // The one flag order of every screen and report.
      flags: [...kept, ...added.values()].sort(compareFlags),
    },
    controls: { ...detail.controls, ...change.controls },
  };
}
