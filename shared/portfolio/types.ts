import type { FlagKind, RiskBand } from '../domain/vocabulary.js';

/** The smallest group of authorities any portfolio figure may be drawn from. */
export const DEFAULT_K = 3;
export const MIN_K = 3;

/** One authority's contribution: never shown as such, only pooled. */
export interface PortfolioMember {
  authorityUid: string;
  assessmentUid: string;
  locked: boolean;
}

/** A figure, or null where it would be drawn from fewer than k authorities (shown as suppressed). */
export type Suppressible = number | null;

export interface PortfolioCriterion {
  id: string;
  frameworkId: string;
  article: string;
  paragraph: string;
  obligation: string;
  /** The library's English title; formats translate it with libraryText. */
  title: string;
  target: number;
  /** Authorities for which this criterion applies: the population of the figures below (null when the whole portfolio is suppressed). */
  population: Suppressible;
  /** Authorities at maturity 0, 1, 2, 3, 4; all null when suppressed. */
  distribution: Suppressible[];
  belowTarget: Suppressible;
  /** belowTarget / population, 0–1: the guideline ranks gaps by it. */
  belowTargetShare: Suppressible;
  suppressed: boolean;
}

export interface PortfolioFlagKind {
  kind: FlagKind;
  /** Authorities with at least one flag of this kind. */
  authorities: Suppressible;
}

export interface PortfolioFamilyGap {
  family: string;
  core: boolean;
  /** Authorities whose assessment includes this family (all of them for the built-in library). */
  population: Suppressible;
  /** Authorities with no control in this family (for core families: the missing-core-family flag). */
  missing: Suppressible;
  suppressed: boolean;
}

export interface PortfolioCell {
  stage: string;
  riskType: string;
  population: Suppressible;
  /** Authorities whose residual band for this cell is high or critical. */
  highOrCritical: Suppressible;
  bands: Partial<Record<RiskBand, Suppressible>>;
  suppressed: boolean;
}

export interface Portfolio {
  k: number;
  generatedAt: string;
  /** Authorities pooled (those with at least one assessment); always shown. */
  authorities: number;
  /** Of those, how many contribute a draft because they have no locked assessment. */
  usingDrafts: Suppressible;
  /** Authorities in the register left out because they have no assessment at all. */
  withoutAssessment: number;
  /** True when the whole portfolio is below k: then no figure at all is shown. */
  suppressed: boolean;
  criteria: PortfolioCriterion[];
  flagKinds: PortfolioFlagKind[];
  familyGaps: PortfolioFamilyGap[];
  cells: PortfolioCell[];
  stages: Array<{ id: string; title: string }>;
  riskTypes: Array<{ id: string; title: string }>;
  families: Array<{ id: string; title: string; core: boolean; recommendation: string }>;
}
