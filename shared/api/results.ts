import type { AssessmentResult } from '../methodology/assess.js';
import type { Flag } from '../methodology/flags/types.js';
import type { ControlStatus } from '../methodology/control-status.js';
import type { AssessmentRecord, ControlRecord } from '../domain/records.js';
import type { Family, Framework, RiskType, Stage } from '../library/schema.js';
import type { ResultView } from '../report/result-view.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { Language } from './languages.js';

import type { ActionOutcome, ActionRecord } from '../actions/actions.js';
import type { DueItem } from '../calendar/due-list.js';

/** An action with what the scoring says of it. */
export interface ActionView extends ActionRecord {
  outcome: ActionOutcome;
  /** Whether its own assessment's current scoring raises its flag. */
  flagRaised: boolean;
}

export interface CalendarView {
  authorityUid: string;
  today: string;
  horizonDays: number;
  nextReassessment: string | null;
  /** The items due, in due order: all of them, or the first `limit` when the call set one. */
  items: DueItem[];
  /** How many items are due in all, whatever the limit. */
  itemCount: number;
}

/** The audit head (see db/audit-head.ts) and every head the register handed out. */
export interface AuditHeadInfo {
  head: string;
  rows: number;
  hash: string;
  history: Array<{ at: string; actor: string; event: string; subject: string; head: string }>;
}

export type AuditHeadCheck =
  | { ok: true; rows: number }
  | { ok: false; rows: number; problem: 'truncated' | 'diverged'; reason: string };

export interface SigningKeyInfo {
  /** Hex public key, or null when this register has never had a key. */
  publicKey: string | null;
  fingerprint: string | null;
  /** The secret key is on this machine and can sign. */
  canSign: boolean;
  where: string | null;
  problem: string | null;
  /** Whether the four-eyes rule is on in this register. */
  fourEyes: boolean;
}

export interface TrustedKeyInfo {
  authorityUid: string;
  authorityName: string;
  publicKey: string;
  fingerprint: string;
  trustedAt: string;
}

export interface AppInfo {
  version: string;
  methodology: { id: string; version: string };
  registerFile: string;
  transport: 'electron' | 'browser' | 'cli';
}

export interface Settings {
  actor: string;
  language: Language | null;
}

export interface LibraryInfo {
  version: string;
  frameworks: Framework[];
  families: Family[];
  stages: Stage[];
  riskTypes: RiskType[];
}

export interface ControlListItem extends ControlRecord {
  status: ControlStatus;
  evidenceCount: number;
}

/** One window of the register: `matching` rows pass the filters, `rows` are those from `offset` on. */
export interface ControlWindow {
  total: number;
  matching: number;
  offset: number;
  rows: ControlListItem[];
}

export interface AssessmentSummary extends AssessmentRecord {
  overall: number | null;
  flagCounts: AssessmentResult['flagCounts'];
}

/**
 * An assessment scored in full, for reports and exports inside the process.
 * Screens get the smaller AssessmentDetail (assessment-view.ts) instead.
 */
export interface ScoredAssessment {
  assessment: AssessmentRecord;
  snapshot: Snapshot;
  result: AssessmentResult;
  view: ResultView;
}

export type { AssessmentDetail, AssessmentChange } from './assessment-view.js';

/** One page of an assessment's control-level flags, in the one flag order. */
export interface FlagPage {
  total: number;
  offset: number;
  flags: Flag[];
}

export interface EvidenceFileContent {
  name: string;
  mediaType: string | null;
  contentBase64: string;
}
