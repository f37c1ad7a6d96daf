import type { Maturity } from '../domain/vocabulary.js';
import type { Snapshot } from '../snapshot/schema.js';
import { coverage, weightedScore, type Coverage, type ScoredItem } from './scores.js';

/**
 * PI-1.3: frameworks marked scoredSeparately (the legal framework pack) are
 * scored as their own section and never join the overall pool, so an
 * assessment's overall score means the same with or without the pack.
 */
export function separateFrameworkIds(snapshot: Pick<Snapshot, 'frameworks'>): Set<string> {
  return new Set(snapshot.frameworks.filter((f) => f.scoredSeparately).map((f) => f.id));
}

export interface ScoredCriterion extends ScoredItem {
  frameworkId: string;
  article: string;
}

export interface ArticleScore {
  frameworkId: string;
  article: string;
  title: string;
  score: number | null;
  coverage: Coverage;
}

/** One separately scored framework: its own score, coverage and article scores, by the §4 formulas. */
export interface SectionResult {
  frameworkId: string;
  title: string;
  score: number | null;
  coverage: Coverage;
  articles: ArticleScore[];
}

export function articleScores(snapshot: Pick<Snapshot, 'articles'>, scored: readonly ScoredCriterion[], frameworkIds: ReadonlySet<string>): ArticleScore[] {
  return snapshot.articles
    .filter((article) => frameworkIds.has(article.frameworkId))
    .map((article) => {
      const items = scored.filter((s) => s.frameworkId === article.frameworkId && s.article === article.id);
      return { frameworkId: article.frameworkId, article: article.id, title: article.title, score: weightedScore(items), coverage: coverage(items) };
    });
}

export function sectionResults(snapshot: Pick<Snapshot, 'frameworks' | 'articles'>, scored: readonly ScoredCriterion[]): SectionResult[] {
  return snapshot.frameworks
    .filter((f) => f.scoredSeparately)
    .map((f) => {
      const items = scored.filter((s) => s.frameworkId === f.id);
      return { frameworkId: f.id, title: f.title, score: weightedScore(items), coverage: coverage(items), articles: articleScores(snapshot, scored, new Set([f.id])) };
    });
}

/** A risk type and the offence criterion behind it, as Chain risk shows them. */
export interface OffenceResult {
  riskType: string;
  criterionId: string;
  paragraph: string;
  applicable: boolean;
  final: Maturity;
  /** True when PI-1.3 raised offence-not-established for this risk type. */
  flagged: boolean;
}
