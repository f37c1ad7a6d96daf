import type { AssessmentResult } from '../methodology/assess.js';
import type { Snapshot } from '../snapshot/schema.js';

/**
 * The documented, stable JSON shape of a scored assessment (`--json` in the
 * CLI, and the data behind every report). Values are read from the PI-1
 * result, never recomputed; only mitigation is rounded, for display.
 */
export interface ResultView {
  schema: 'permit-integrity/result@1';
  methodology: { id: string; version: string };
  asOf: string;
  authority: { uid: string; name: string };
  assessment: { uid: string; title: string; status: string | null; digest: string | null };
  frameworks: Array<{ id: string; version: string; title: string }>;
  scores: {
    overall: number | null;
    coverage: { met: number; total: number; percent: number | null };
    articles: Array<{ framework: string; article: string; title: string; score: number | null; coverage: { met: number; total: number; percent: number | null } }>;
    /** PI-1.3: frameworks scored on their own (the legal framework pack), outside `overall`. */
    sections: Array<{
      framework: string;
      title: string;
      score: number | null;
      coverage: { met: number; total: number; percent: number | null };
      articles: Array<{ framework: string; article: string; title: string; score: number | null; coverage: { met: number; total: number; percent: number | null } }>;
    }>;
  };
  /** PI-1.3: each risk type's offence criterion, its final maturity and whether offence-not-established was raised. */
  offences: Array<{ riskType: string; criterion: string; paragraph: string; applicable: boolean; final: number; flagged: boolean }>;
  flagCounts: AssessmentResult['flagCounts'];
  criteria: Array<{
    id: string;
    paragraph: string;
    article: string;
    obligation: string;
    title: string;
    weight: number;
    target: number;
    applicable: boolean;
    applicabilityJustification: string | null;
    derived: number;
    override: { maturity: number; justification: string } | null;
    final: number;
    meetsTarget: boolean;
    controls: string[];
  }>;
  flags: Array<{ kind: string; severity: string; subject: { type: string; id: string; label: string }; reason: string; remedy: { action: string; families: Array<{ id: string; title: string; recommendation: string }> } }>;
  chain: Array<{ stage: string; riskType: string; likelihood: number; impact: number; inherent: number; inherentBand: string; mitigation: number; residual: number; band: string; controls: string[] }>;
}

export function resultView(snapshot: Snapshot, result: AssessmentResult, meta: { status?: string | null; digest?: string | null } = {}): ResultView {
  return {
    schema: 'permit-integrity/result@1',
    methodology: result.methodology,
    asOf: result.asOf,
    authority: snapshot.authority,
    assessment: { ...snapshot.assessment, status: meta.status ?? null, digest: meta.digest ?? null },
    frameworks: snapshot.frameworks,
    scores: {
      overall: result.overall.score,
      coverage: result.overall.coverage,
      articles: result.articles.map((a) => ({ framework: a.frameworkId, article: a.article, title: a.title, score: a.score, coverage: a.coverage })),
      sections: result.sections.map((s) => ({
        framework: s.frameworkId,
        title: s.title,
        score: s.score,
        coverage: s.coverage,
        articles: s.articles.map((a) => ({ framework: a.frameworkId, article: a.article, title: a.title, score: a.score, coverage: a.coverage })),
      })),
    },
    offences: result.offences.map((o) => ({ riskType: o.riskType, criterion: o.criterionId, paragraph: o.paragraph, applicable: o.applicable, final: o.final, flagged: o.flagged })),
    flagCounts: result.flagCounts,
    criteria: result.criteria.map((c) => ({
      id: c.id,
      paragraph: c.paragraph,
      article: c.article,
      obligation: c.obligation,
      title: c.title,
      weight: c.weight,
      target: c.target,
      applicable: c.applicable,
      applicabilityJustification: c.applicabilityJustification,
      derived: c.derived,
      override: c.override,
      final: c.final,
      meetsTarget: c.meetsTarget,
      controls: [...new Set(c.facets.flatMap((f) => f.controls))],
    })),
    flags: result.flags.map((f) => ({ kind: f.kind, severity: f.severity, subject: f.subject, reason: f.reason, remedy: f.remedy })),
    chain: result.chain.map((cell) => ({
      stage: cell.stage,
      riskType: cell.riskType,
      likelihood: cell.likelihood,
      impact: cell.impact,
      inherent: cell.inherent,
      inherentBand: cell.inherentBand,
      mitigation: Math.round(cell.mitigation * 1000) / 1000,
      residual: cell.residualDisplay,
      band: cell.band,
      controls: cell.controls,
    })),
  };
}
