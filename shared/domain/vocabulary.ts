/**
 * The fixed words of methodology PI-1 that code branches on. Everything else
 * (families, criteria, stages, risk types) is library data, never hard-coded.
 */
export const MATURITY_LEVELS = [0, 1, 2, 3, 4] as const;
export type Maturity = (typeof MATURITY_LEVELS)[number];

export const MATURITY_NAMES: Record<Maturity, string> = {
  0: 'Absent',
  1: 'Ad hoc',
  2: 'Documented',
  3: 'Implemented',
  4: 'Monitored',
};

export const OBLIGATION_LEVELS = ['mandatory', 'endeavour', 'consider', 'optional'] as const;
export type ObligationLevel = (typeof OBLIGATION_LEVELS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'reviewed', 'locked'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const FLAG_KINDS = [
  'criterion-below-target',
  'missing-core-family',
  'chain-residual-risk',
  'unsupported-claim',
  'stale-evidence',
  'overdue-review',
  'offence-not-established',
  // PI-1.2
  'data-contradicts-likelihood',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export function isMaturity(value: unknown): value is Maturity {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4;
}
