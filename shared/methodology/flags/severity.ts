import { SEVERITIES, type RiskBand, type Severity } from '../../domain/vocabulary.js';

/** PI-1 §5: points = weight × (target − maturity); ≥6 critical, 4–5 high, 2–3 medium, 1 low. */
export function gapPoints(weight: number, target: number, maturity: number): number {
  return weight * Math.max(0, target - maturity);
}

export function severityFromPoints(points: number): Severity | null {
  if (points >= 6) return 'critical';
  if (points >= 4) return 'high';
  if (points >= 2) return 'medium';
  if (points >= 1) return 'low';
  return null;
}

/** PI-1 §5: a chain cell is flagged at its band when the band is high or critical. */
export function severityFromBand(band: RiskBand): Severity | null {
  return band === 'critical' || band === 'high' ? band : null;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
