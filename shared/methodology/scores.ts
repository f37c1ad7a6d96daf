import type { Maturity } from '../domain/vocabulary.js';

/** Rounds to one decimal, half away from zero, for every score PI-1 shows. */
export function roundOneDecimal(value: number): number {
  const scaled = Math.abs(value) * 10;
  const rounded = Math.round(scaled + 1e-9) / 10;
  return value < 0 ? -rounded : rounded;
}

export interface ScoredItem {
  weight: number;
  maturity: Maturity;
  target: number;
}

/**
 * PI-1 §4: `100 × Σ(w·m) / Σ(w·4)` over the applicable criteria given, to one
 * decimal; null when there is nothing to score.
 */
export function weightedScore(items: readonly ScoredItem[]): number | null {
  let achieved = 0;
  let possible = 0;
  for (const item of items) {
    achieved += item.weight * item.maturity;
    possible += item.weight * 4;
  }
  return possible === 0 ? null : roundOneDecimal((100 * achieved) / possible);
}

export interface Coverage {
  met: number;
  total: number;
  /** Percentage of applicable criteria at or above target, one decimal; null with none. */
  percent: number | null;
}

/** PI-1 §4: share of applicable criteria whose maturity reaches the target. */
export function coverage(items: readonly ScoredItem[]): Coverage {
  const met = items.filter((item) => item.maturity >= item.target).length;
  return { met, total: items.length, percent: items.length === 0 ? null : roundOneDecimal((100 * met) / items.length) };
}
