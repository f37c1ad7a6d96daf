import { compareStrings, sortNaturally } from '../domain/compare.js';
import type { ScoredAssessment } from '../api/results.js';
import type { AuditRecord } from '../domain/records.js';
import type { Framework } from '../library/schema.js';
import { isEvidenceValid } from '../methodology/evidence.js';
import type { Flag } from '../methodology/flags/types.js';
import { ANNEX_ROWS, CRITERION_ROWS, familyFigures, lazyListing, listing, QUALITY_ROWS_PER_KIND, type FamilyFigures, type Listing, type ReportDetail } from './annex.js';
import { QUALITY_KINDS, qualityCheck, type QualityItem, type QualityKind } from './quality-check.js';
import type { ResultView } from './result-view.js';
import { hasTrend, type TrendPoint } from './trend.js';
import { flagKey, type ActionOutcome } from '../actions/actions.js';
import type { CommentRecord } from '../comments/comments.js';

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
  /** Whether the long lists below hold every row ('complete') or their first rows ('summary'); see annex.ts. */
  detail: ReportDetail;
  view: ReportView;
  quality: ReportQuality;
  criteria: ReportCriterion[];
  /** The controls summed by family, always over every control. */
  families: FamilyFigures[];
  /** The controls of the snapshot with PI-1's stated and effective maturity. */
  controls: Listing<ReportControl>;
  /** One item per flag, most severe first; `total` is the number of flags. */
  actionPlan: Listing<ActionItem>;
  evidenceRegister: Listing<EvidenceLine>;
  /** The assessment's comment threads, shown in an annex only when `showComments` (the user chooses). */
  comments: CommentRecord[];
  showComments: boolean;
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
  integrity: ReportIntegrity;
}

/**
 * What anchors a report to its register, printed in every format: the audit
 * head (COUNT:HASH) when the report was made, which `verify-audit --report`
 * checks the log still reaches, and the fingerprint of the register's signing
 * key (null: the register cannot sign here, and the report says "unsigned").
 */
export interface ReportIntegrity {
  auditHead: string | null;
  signingKey: string | null;
}

/**
 * The result view without what the report carries elsewhere: the flags are
 * the action plan, and each criterion's and chain cell's controls are counted,
 * not listed, so that no fact is sent twice.
 */
export type ReportView = Omit<ResultView, 'flags' | 'criteria' | 'chain'> & { chain: ReportChainCell[] };
export type ReportChainCell = Omit<ResultView['chain'][number], 'controls'> & { controlCount: number };

/** The quality check with its counts over every point and, per kind, the first points (or all when complete). */
export interface ReportQuality {
  counts: Record<QualityKind, number>;
  total: number;
  items: QualityItem[];
}

export interface ReportControl {
  uid: string;
  title: string;
  family: string;
  stated: number;
  effective: number;
  unsupported: boolean;
  evidenceCount: number;
}

export interface ReportCriterion {
  id: string;
  frameworkId: string;
  paragraph: string;
  article: string;
  obligation: string;
  title: string;
  /** The treaty text in English (one of the six equally authentic texts), or '' for a criterion the library no longer has. */
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
  controls: Listing<{ uid: string; title: string; family: string; stated: number; effective: number }>;
  evidence: Listing<{ control: string; title: string; date: string; valid: boolean }>;
  flags: Flag[];
}

export interface ActionItem {
  number: number;
  flag: Flag;
  /** From the action recorded for this flag; empty (to fill in on paper) when there is none. */
  owner: string;
  due: string;
  /** The recorded action's title, or '' when none. */
  action: string;
  /** What the action's status means under the next scoring; null when no action is recorded. */
  status: ActionOutcome | null;
}

/** The part of an action a report shows. */
export interface ReportAction {
  flagKey: string;
  title: string;
  owner: string;
  due: string | null;
  outcome: ActionOutcome;
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
  detail: ScoredAssessment;
  frameworks: readonly Framework[];
  auditExtract: AuditRecord[];
  trend: TrendPoint[];
  generatedAt: string;
  /** The assessment's action plan as recorded; absent: none recorded. */
  actions?: readonly ReportAction[];
  comments?: readonly CommentRecord[];
  showComments?: boolean;
  /** Absent: a report built outside a register (tests), which prints no head. */
  integrity?: ReportIntegrity;
}

/**
 * The report of one assessment. `detail` 'summary' (the default: HTML, PDF,
 * preview) cuts the long lists to their first rows; 'complete' (XLSX, CSV,
 * DOCX) keeps every row. Both are built here, from the same figures.
 */
export function buildReportData(source: ReportSource, detail: ReportDetail = 'summary'): ReportData {
  const { snapshot, result, view, assessment } = source.detail;
  const texts = new Map(source.frameworks.flatMap((f) => f.criteria.map((c) => [`${f.id}:${c.id}`, c.text] as const)));
  const controls = new Map(snapshot.controls.map((c) => [c.uid, c]));
  const effective = new Map(result.controls.map((c) => [c.uid, c]));
  const inputs = new Map(snapshot.criterionInputs.map((i) => [i.criterionId, i]));
  const quality = qualityCheck(snapshot, result, assessment.status);
  // Each evidence item's validity once, not once per criterion that lists it.
  const valid = new Map(snapshot.controls.flatMap((c) => c.evidence.map((e) => [e.uid, isEvidenceValid(e, snapshot.asOf)] as const)));
  function* evidenceRows(uids: string[]) {
    for (const uid of uids) {
      const control = controls.get(uid);
      for (const e of control?.evidence ?? []) yield { control: control!.title, title: e.title, date: e.date, valid: valid.get(e.uid) ?? false };
    }
  }
  const { flags: _flags, criteria: _criteria, chain, ...shared } = view;
  // Titles in natural order ("Control 3" before "Control 25"), as the register lists them.
  const controlRows = sortNaturally(result.controls, (c) => c.title, { then: (a, b) => compareStrings(a.uid, b.uid) }).map((c) => ({
    uid: c.uid,
    title: c.title,
    family: c.family,
    stated: c.stated,
    effective: c.effective,
    unsupported: c.unsupported,
    evidenceCount: controls.get(c.uid)?.evidence.length ?? 0,
  }));
  const actions = new Map((source.actions ?? []).map((a) => [a.flagKey, a]));
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
    detail,
    view: { ...shared, chain: chain.map(({ controls: linked, ...cell }) => ({ ...cell, controlCount: linked.length })) },
    permitSignals: permitAnnex(snapshot, result),
    quality: {
      counts: quality.counts,
      total: quality.items.length,
      items: detail === 'complete' ? quality.items : QUALITY_KINDS.flatMap((kind) => quality.items.filter((item) => item.kind === kind).slice(0, QUALITY_ROWS_PER_KIND)),
    },
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
        controls: listing(
          uids.map((uid) => ({
          uid,
          title: controls.get(uid)?.title ?? uid,
          family: controls.get(uid)?.family ?? '',
          stated: effective.get(uid)?.stated ?? 0,
          effective: effective.get(uid)?.effective ?? 0,
          })),
          detail,
          CRITERION_ROWS,
        ),
        evidence: lazyListing(
          uids.reduce((n, uid) => n + (controls.get(uid)?.evidence.length ?? 0), 0),
          evidenceRows(uids),
          detail,
          CRITERION_ROWS,
        ),
        flags: result.flags.filter((f) => f.subject.type === 'criterion' && f.subject.id === c.id),
      };
    }),
    families: familyFigures(
      result.controls.map((c) => ({ ...c, evidence: (controls.get(c.uid)?.evidence ?? []).map((e) => ({ valid: valid.get(e.uid) ?? false })) })),
      snapshot.families.map((f) => f.id),
    ),
    controls: listing(controlRows, detail, ANNEX_ROWS),
    actionPlan: listing(
      result.flags.map((flag, index) => {
        const action = actions.get(flagKey(flag));
        return { number: index + 1, flag, owner: action?.owner ?? '', due: action?.due ?? '', action: action?.title ?? '', status: action?.outcome ?? null };
      }),
      detail,
      ANNEX_ROWS,
    ),
    comments: [...(source.comments ?? [])],
    showComments: (source.showComments ?? false) && (source.comments?.length ?? 0) > 0,
    evidenceRegister: listing(
      snapshot.controls.flatMap((control) =>
      control.evidence.map((e) => ({
        controlUid: control.uid,
        control: control.title,
        family: control.family,
        title: e.title,
        date: e.date,
        expiry: e.expiry,
        sha256: e.sha256,
        size: e.size,
          valid: valid.get(e.uid) ?? false,
        })),
      ),
      detail,
      ANNEX_ROWS,
    ),
    auditExtract: source.auditExtract,
    integrity: source.integrity ?? { auditHead: null, signingKey: null },
    trend: source.trend,
    showTrend: hasTrend(source.trend),
    labels: {
      stages: snapshot.stages,
      riskTypes: snapshot.riskTypes,
      families: snapshot.families.map((f) => ({ id: f.id, title: f.title, recommendation: f.recommendation })),
    },
  };
}
