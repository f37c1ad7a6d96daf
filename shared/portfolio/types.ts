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
  paragraph: string;
  title: string;
  target: number;
  /** Authorities for which this criterion applies: the population of the figures below. */
  population: number;
  /** Authorities at maturity 0, 1, 2, 3, 4; all null when suppressed. */
  distribution: Suppressible[];
  belowTarget: Suppressible;
  suppressed: boolean;
}

export interface PortfolioFlagKind {
  kind: FlagKind;
  /** Authorities with at least one flag of this kind. */
  authorities: Suppressible;
}

export interface PortfolioFamilyGap {
  family: string;
  /** Authorities with no control in this family (for core families: the missing-core-family flag). */
  missing: Suppressible;
}

export interface PortfolioCell {
  stage: string;
  riskType: string;
  /** Authorities whose residual band for this cell is high or critical. */
  highOrCritical: Suppressible;
  bands: Partial<Record<RiskBand, Suppressible>>;
}

export interface Portfolio {
  k: number;
  authorities: number;
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
