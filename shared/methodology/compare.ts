import type { RiskBand } from '../domain/vocabulary.js';
import type { AssessmentResult } from './assess.js';
import { roundOneDecimal } from './scores.js';

export interface NumberChange {
  from: number | null;
  to: number | null;
  /** to − from, one decimal; null when either side has no value. */
  delta: number | null;
}

export interface AssessmentComparison {
  overall: NumberChange;
  coverage: NumberChange;
  articles: Array<{ frameworkId: string; article: string; title: string } & NumberChange>;
  criteria: Array<{ id: string; paragraph: string; title: string; fromApplicable: boolean | null; toApplicable: boolean | null } & NumberChange>;
  cells: Array<{ stage: string; riskType: string; fromResidual: number | null; toResidual: number | null; fromBand: RiskBand | null; toBand: RiskBand | null; changed: boolean }>;
  flags: { added: string[]; removed: string[]; fromCounts: AssessmentResult['flagCounts']; toCounts: AssessmentResult['flagCounts'] };
}

function change(from: number | null | undefined, to: number | null | undefined): NumberChange {
  const a = from ?? null;
  const b = to ?? null;
  return { from: a, to: b, delta: a === null || b === null ? null : roundOneDecimal(b - a) };
}

const flagKey = (flag: AssessmentResult['flags'][number]) => `${flag.kind}|${flag.subject.id}`;

/** What changed between two scored assessments, per criterion and per chain cell (PI-1 §7). */
export function compareResults(from: AssessmentResult, to: AssessmentResult): AssessmentComparison {
  const criterionIds = [...new Set([...from.criteria.map((c) => c.id), ...to.criteria.map((c) => c.id)])];
  const cellKeys = [...new Set([...from.chain, ...to.chain].map((c) => `${c.stage}/${c.riskType}`))];
  const fromFlags = new Set(from.flags.map(flagKey));
  const toFlags = new Set(to.flags.map(flagKey));
  return {
    overall: change(from.overall.score, to.overall.score),
    coverage: change(from.overall.coverage.percent, to.overall.coverage.percent),
    articles: to.articles.map((article) => {
      const before = from.articles.find((a) => a.frameworkId === article.frameworkId && a.article === article.article);
      return { frameworkId: article.frameworkId, article: article.article, title: article.title, ...change(before?.score, article.score) };
    }),
    criteria: criterionIds.map((id) => {
      const a = from.criteria.find((c) => c.id === id);
      const b = to.criteria.find((c) => c.id === id);
      const any = (b ?? a)!;
      return {
        id,
        paragraph: any.paragraph,
        title: any.title,
        fromApplicable: a?.applicable ?? null,
        toApplicable: b?.applicable ?? null,
        ...change(a?.applicable ? a.final : null, b?.applicable ? b.final : null),
      };
    }),
    cells: cellKeys.map((key) => {
      const a = from.chain.find((c) => `${c.stage}/${c.riskType}` === key);
      const b = to.chain.find((c) => `${c.stage}/${c.riskType}` === key);
      const [stage, riskType] = key.split('/') as [string, string];
      return {
        stage,
        riskType,
        fromResidual: a?.residualDisplay ?? null,
        toResidual: b?.residualDisplay ?? null,
        fromBand: a?.band ?? null,
        toBand: b?.band ?? null,
        changed: a?.residualDisplay !== b?.residualDisplay || a?.band !== b?.band,
      };
    }),
    flags: {
      added: [...toFlags].filter((k) => !fromFlags.has(k)),
      removed: [...fromFlags].filter((k) => !toFlags.has(k)),
      fromCounts: from.flagCounts,
      toCounts: to.flagCounts,
    },
  };
}
