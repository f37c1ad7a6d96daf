import type { AssessmentResult } from '../methodology/assess.js';
import type { AssessmentComparison } from '../methodology/compare.js';
import type { ControlStatus } from '../methodology/control-status.js';
import type { AssessmentRecord, AuditRecord, AuditVerification, AuthorityRecord, ControlRecord, EvidenceRecord, ImportSummary } from '../domain/records.js';
import type { Family, Framework, RiskType, Stage } from '../library/schema.js';
import type { AssessmentPackage } from '../package/schema.js';
import type { ResultView } from '../report/result-view.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { ApiMethod } from './methods.js';
import type { ExportedFile } from '../report/formats.js';
import type { ReportData } from '../report/report-data.js';
import type { Portfolio } from '../portfolio/types.js';
import type { Language } from './inputs.js';

export interface AppInfo {
  version: string;
  methodology: { id: string; version: string };
  registerFile: string;
  transport: 'electron' | 'browser';
}

export interface Settings {
  actor: string;
  language: Language | null;
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
  publicKey: string | null;
  fingerprint: string | null;
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

export interface AssessmentSummary extends AssessmentRecord {
  overall: number | null;
  flagCounts: AssessmentResult['flagCounts'];
}

export interface AssessmentDetail {
  assessment: AssessmentRecord;
  snapshot: Snapshot;
  result: AssessmentResult;
  view: ResultView;
}

export interface EvidenceFileContent {
  name: string;
  mediaType: string | null;
  contentBase64: string;
}

/** What each method returns on success. */
export interface ApiResults {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.set': Settings;
  'library.get': LibraryInfo;
  'authorities.list': AuthorityRecord[];
  'authorities.create': AuthorityRecord;
  'authorities.update': AuthorityRecord;
  'controls.list': ControlListItem[];
  'controls.create': ControlRecord;
  'controls.update': ControlRecord;
  'controls.delete': { deleted: number };
  'evidence.list': EvidenceRecord[];
  'evidence.add': EvidenceRecord;
  'evidence.delete': { deleted: number };
  'evidence.file': EvidenceFileContent;
  'assessments.list': AssessmentSummary[];
  'assessments.create': AssessmentRecord;
  'assessments.get': AssessmentDetail;
  'assessments.update': AssessmentRecord;
  'assessments.setOverride': AssessmentDetail;
  'assessments.setApplicability': AssessmentDetail;
  'assessments.setNotes': AssessmentDetail;
  'assessments.setChainCell': AssessmentDetail;
  'assessments.transition': AssessmentRecord;
  'assessments.lock': AssessmentRecord;
  'assessments.clone': AssessmentRecord;
  'assessments.compare': AssessmentComparison;
  'audit.list': AuditRecord[];
  'audit.verify': AuditVerification;
  'packages.export': AssessmentPackage;
  'packages.import': ImportSummary;
  'register.backup': { file: string };
  'reports.data': ReportData;
  'reports.export': ExportedFile;
  'portfolio.get': Portfolio;
  'portfolio.export': ExportedFile;
  'trust.head': AuditHeadInfo;
  'trust.checkHead': AuditHeadCheck;
  'trust.key': SigningKeyInfo;
  'trust.exportKey': { keyFile: string };
  'trust.importKey': SigningKeyInfo;
  'trust.list': TrustedKeyInfo[];
  'trust.fourEyes': SigningKeyInfo;
}

type Check = { [M in ApiMethod]: ApiResults[M] };
export type { Check as _ApiResultsCoverEveryMethod };
