import { getAssessment } from '../db/assessments.js';
import { listChainInputs, listCriterionInputs } from '../db/assessment-inputs.js';
import { registerLibrary } from '../db/frameworks.js';
import type { Register } from '../db/register.js';
import { cachedStatement } from '../db/statements.js';
import { assessmentSnapshot } from '../db/snapshot.js';
import { assessmentView, type AssessmentDetail } from '../shared/api/assessment-view.js';
import type { AssessmentRecord } from '../shared/domain/records.js';
import { assess, type AssessmentResult } from '../shared/methodology/assess.js';
import type { Snapshot } from '../shared/snapshot/schema.js';
import { snapshotWithInputs } from '../shared/snapshot/build.js';

/** An assessment scored at one state of the register. */
export interface Scored {
  stamp: string;
  assessment: AssessmentRecord;
  snapshot: Snapshot;
  result: AssessmentResult;
  view: AssessmentDetail;
}

const caches = new WeakMap<Register, Map<number, Scored>>();

/**
 * Identifies the register's state: this connection's write count and SQLite's
 * data_version, which moves when another connection (the CLI, a worker)
 * commits. Any write anywhere gives a new stamp, so a cached score can never
 * outlive the data it was computed from.
 */
export function registerStamp(register: Register): string {
  // Asked on every API call: the statement is compiled once per connection.
  const changes = cachedStatement(register.db, 'SELECT total_changes() AS n').get() as { n: number };
  return `${register.db.pragma('data_version', { simple: true }) as number}.${changes.n}`;
}

function cacheOf(register: Register): Map<number, Scored> {
  let cache = caches.get(register);
  if (!cache) caches.set(register, (cache = new Map()));
  return cache;
}

function scoredFrom(stamp: string, assessment: AssessmentRecord, snapshot: Snapshot): Scored {
  const result = assess(snapshot);
  return { stamp, assessment, snapshot, result, view: assessmentView(assessment, `${assessment.id}@${stamp}`, snapshot, result) };
}

/** The assessment scored now: from the cache when nothing was written since, else afresh. */
export function scored(register: Register, assessmentId: number): Scored {
  const stamp = registerStamp(register);
  const cache = cacheOf(register);
  const hit = cache.get(assessmentId);
  if (hit && hit.stamp === stamp) return hit;
  const entry = scoredFrom(stamp, getAssessment(register, assessmentId), assessmentSnapshot(register, assessmentId));
  cache.set(assessmentId, entry);
  return entry;
}

/**
 * Runs a write that changes only the assessor's criterion or chain inputs of a
 * draft, and rescores with the controls part of the previous snapshot (the
 * PI-1 control layer is then reused): an edit at 10,000 controls does not
 * reread or re-evaluate them. Returns the scoring before and after.
 */
export function rescoreAfterInputEdit(register: Register, assessmentId: number, write: () => void): { before: Scored; after: Scored } {
  const before = scored(register, assessmentId);
  write();
  const assessment = getAssessment(register, assessmentId);
  const snapshot = snapshotWithInputs(before.snapshot, registerLibrary(register), listCriterionInputs(register, assessmentId), listChainInputs(register, assessmentId));
  const after = scoredFrom(registerStamp(register), assessment, snapshot);
  cacheOf(register).set(assessmentId, after);
  return { before, after };
}
