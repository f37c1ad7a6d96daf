import { z } from 'zod';
import type { Flag } from '../methodology/flags/types.js';
import type { Severity } from '../domain/vocabulary.js';
import { isoDate } from '../snapshot/schema.js';

/**
 * An action of the action plan: what the authority does about one PI-1 flag,
 * who does it and by when. The vocabulary, the input rules and the pure
 * functions every layer uses (store, API, screens, exports) live here.
 */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'accepted-risk'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that still call for work: these are carried into a re-assessment and fall due. */
export const ACTIVE_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in-progress'];

export function isActive(status: ActionStatus): boolean {
  return ACTIVE_ACTION_STATUSES.includes(status);
}

/** One stable key per flag: its kind and what it is about (criterion, control, family or chain cell). */
export function flagKey(flag: Pick<Flag, 'kind' | 'subject'>): string {
  return `${flag.kind}:${flag.subject.type}:${flag.subject.id}`;
}

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** What a user sets on an action; the flag it answers is fixed when it is made. */
export const actionFields = z
  .strictObject({
    title: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
    owner: text(300).trim().default(''),
    due: isoDate.nullable().default(null),
    status: z.enum(ACTION_STATUSES).default('open'),
    justification: text(10_000).trim().default(''),
    controlUids: z.array(z.string().min(1).max(64)).max(200).default([]),
    notes: text(100_000).default(''),
  })
  .refine((a) => a.status !== 'accepted-risk' || a.justification.length > 0, {
    message: 'accepting the risk needs a justification',
    path: ['justification'],
  });
export type ActionFields = z.input<typeof actionFields>;

export interface ActionRecord {
  id: number;
  uid: string;
  assessmentId: number;
  flagKey: string;
  flagKind: string;
  severity: Severity;
  /** The flag's subject as it read when the action was made (the flag itself may later disappear). */
  subjectLabel: string;
  title: string;
  owner: string;
  due: string | null;
  status: ActionStatus;
  justification: string;
  controlUids: string[];
  notes: string;
  /** The action of the earlier assessment this one continues, when a clone carried it. */
  carriedFrom: string | null;
  /** The action of the later assessment that continues this one. */
  carriedTo: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * What an action's status means once scoring is known:
 * - `done-awaiting-rescore`: done, but no later scoring has happened yet;
 * - `done-gap-closed`: done, and the next scoring no longer raises its flag;
 * - `done-gap-remains`: done, but the next scoring still raises its flag.
 */
export type ActionOutcome = 'open' | 'in-progress' | 'accepted-risk' | 'done-awaiting-rescore' | 'done-gap-closed' | 'done-gap-remains';

/**
 * `raisedAtNextScoring` is null when there is no scoring after the action yet,
 * else whether that scoring still raises the action's flag.
 */
export function actionOutcome(status: ActionStatus, raisedAtNextScoring: boolean | null): ActionOutcome {
  if (status !== 'done') return status;
  if (raisedAtNextScoring === null) return 'done-awaiting-rescore';
  return raisedAtNextScoring ? 'done-gap-remains' : 'done-gap-closed';
}

export interface ScoredAssessment {
  uid: string;
  status: string;
  asOf: string;
  createdAt: string;
  /** The keys of the flags its current scoring raises. */
  flagKeys: ReadonlySet<string>;
}

/**
 * The scoring that judges a done action of `own`: a draft (or submitted,
 * reviewed) assessment is re-scored as its inputs change, so its own scoring
 * counts; a locked one is frozen, so the newest assessment of the authority
 * made after it counts, or none yet.
 */
export function nextScoring(own: ScoredAssessment, all: readonly ScoredAssessment[]): ScoredAssessment | null {
  if (own.status !== 'locked') return own;
  const later = all.filter((a) => a.uid !== own.uid && (a.createdAt > own.createdAt || (a.createdAt === own.createdAt && a.asOf > own.asOf)));
  later.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.asOf.localeCompare(a.asOf));
  return later[0] ?? null;
}

/** The outcome of each action of one assessment, judged by the next scoring. */
export function outcomesOf(actions: readonly Pick<ActionRecord, 'status' | 'flagKey'>[], own: ScoredAssessment, all: readonly ScoredAssessment[]): ActionOutcome[] {
  const next = nextScoring(own, all);
  return actions.map((a) => actionOutcome(a.status, next ? next.flagKeys.has(a.flagKey) : null));
}
