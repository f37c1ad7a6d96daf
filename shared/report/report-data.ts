import type { AssessmentDetail } from '../api/results.js';
import type { AuditRecord } from '../domain/records.js';
import type { Framework } from '../library/schema.js';
import { isEvidenceValid } from '../methodology/evidence.js';
import type { Flag } from '../methodology/flags/types.js';
import { qualityCheck, type QualityReport } from './quality-check.js';
import type { ResultView } from './result-view.js';
import { hasTrend, type TrendPoint } from './trend.js';

/**
 * Everything a report of one assessment shows, in one language-neutral
 * structure. Every format (HTML, PDF, XLSX, CSV, DOCX) and the in-app preview
 * is rendered from this, so a screen and its exports can never disagree.
 */
import { permitAnnex, type PermitAnnex } from './permit-annex.js';

export interface ReportData {
  generatedAt: string;
  authority: { uid: string; name: string };
  assessment: {
    uid: string;
    title: string;
    asOf: string;
    status: string;
    methodology: { id: string; version: string };
    digest: string | null;
    lockedAt: string | null;
    frameworks: Array<{ id: string; version: string; title: string }>;
  };
  view: ResultView;
  quality: QualityReport;
  criteria: ReportCriterion[];
  /** Every control of the snapshot with PI-1's stated and effective maturity. */
  controls: Array<{ uid: string; title: string; family: string; stated: number; effective: number; unsupported: boolean; evidenceCount: number }>;
  actionPlan: ActionItem[];
  evidenceRegister: EvidenceLine[];
  auditExtract: AuditRecord[];
  /** Locked assessments of the authority in date order; drawn when there are two or more. */
  trend: TrendPoint[];
  showTrend: boolean;
  /** PI-1.2 annex; null when the assessment was scored without permit data. */
  permitSignals: PermitAnnex | null;
  labels: {
    stages: Array<{ id: string; title: string }>;
    riskTypes: Array<{ id: string; title: string }>;
    families: Array<{ id: string; title: string; recommendation: string }>;
  };
}

export interface ReportCriterion {
  id: string;
  frameworkId: string;
  paragraph: string;
  article: string;
  obligation: string;
  title: string;
  /** The English authentic treaty text, or '' for a criterion the library no longer has. */
  text: string;
  weight: number;
  target: number;
  applicable: boolean;
  applicabilityJustification: string | null;
  derived: number;
  override: { maturity: number; justification: string } | null;
  final: number;
  meetsTarget: boolean;
  notes: string;
  controls: Array<{ uid: string; title: string; family: string; stated: number; effective: number }>;
  evidence: Array<{ control: string; title: string; date: string; valid: boolean }>;
  flags: Flag[];
}

export interface ActionItem {
  number: number;
  flag: Flag;
  /** Left empty for the authority to fill in: who acts, and by when. */
  owner: string;
  due: string;
}

export interface EvidenceLine {
  controlUid: string;
  control: string;
  family: string;
  title: string;
  date: string;
  expiry: string | null;
  sha256: string | null;
  size: number | null;
  valid: boolean;
}

export interface ReportSource {
  detail: AssessmentDetail;
  frameworks: readonly Framework[];
  auditExtract: AuditRecord[];
  trend: TrendPoint[];
  generatedAt: string;
}

export function buildReportData(source: ReportSource): ReportData {
  const { snapshot, result, view, assessment } = source.detail;
  const texts = new Map(source.frameworks.flatMap((f) => f.criteria.map((c) => [`${f.id}:${c.id}`, c.text] as const)));
  const controls = new Map(snapshot.controls.map((c) => [c.uid, c]));
  const effective = new Map(result.controls.map((c) => [c.uid, c]));
  const inputs = new Map(snapshot.criterionInputs.map((i) => [i.criterionId, i]));
  return {
    generatedAt: source.generatedAt,
    authority: snapshot.authority,
    assessment: {
      uid: assessment.uid,
      title: assessment.title,
      asOf: snapshot.asOf,
      status: assessment.status,
      methodology: result.methodology,
      digest: assessment.digest,
      lockedAt: assessment.lockedAt,
      frameworks: snapshot.frameworks,
    },
    view,
    permitSignals: permitAnnex(snapshot, result),
    quality: qualityCheck(snapshot, result, assessment.status),
    criteria: result.criteria.map((c) => {
      const uids = [...new Set(c.facets.flatMap((f) => f.controls))];
      return {
        id: c.id,
        frameworkId: c.frameworkId,
        paragraph: c.paragraph,
        article: c.article,
        obligation: c.obligation,
        title: c.title,
        text: texts.get(`${c.frameworkId}:${c.id}`) ?? '',
        weight: c.weight,
        target: c.target,
        applicable: c.applicable,
        applicabilityJustification: c.applicabilityJustification,
        derived: c.derived,
        override: c.override,
        final: c.final,
        meetsTarget: c.meetsTarget,
        notes: inputs.get(c.id)?.notes ?? '',
        controls: uids.map((uid) => ({
          uid,
          title: controls.get(uid)?.title ?? uid,
          family: controls.get(uid)?.family ?? '',
          stated: effective.get(uid)?.stated ?? 0,
          effective: effective.get(uid)?.effective ?? 0,
        })),
        evidence: uids.flatMap((uid) =>
          (controls.get(uid)?.evidence ?? []).map((e) => ({ control: controls.get(uid)!.title, title: e.title, date: e.date, valid: isEvidenceValid(e, snapshot.asOf) })),
        ),
        flags: result.flags.filter((f) => f.subject.type === 'criterion' && f.subject.id === c.id),
      };
    }),
    controls: result.controls.map((c) => ({
      uid: c.uid,
      title: c.title,
      family: c.family,
      stated: c.stated,
      effective: c.effective,
      unsupported: c.unsupported,
      evidenceCount: controls.get(c.uid)?.evidence.length ?? 0,
    })),
    actionPlan: result.flags.map((flag, index) => ({ number: index + 1, flag, owner: '', due: '' })),
    evidenceRegister: snapshot.controls.flatMap((control) =>
      control.evidence.map((e) => ({
        controlUid: control.uid,
        control: control.title,
        family: control.family,
        title: e.title,
        date: e.date,
        expiry: e.expiry,
        sha256: e.sha256,
        size: e.size,
        valid: isEvidenceValid(e, snapshot.asOf),
      })),
    ),
    auditExtract: source.auditExtract,
    trend: source.trend,
    showTrend: hasTrend(source.trend),
    labels: {
      stages: snapshot.stages,
      riskTypes: snapshot.riskTypes,
      families: snapshot.families.map((f) => ({ id: f.id, title: f.title, recommendation: f.recommendation })),
    },
  };
}
