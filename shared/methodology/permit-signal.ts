/** PI-1.2: a chain cell's data signal and the likelihood it suggests. */
export interface CellSignal {
  flagged: number;
  handled: number;
  /** Distinct flagged permits per 1,000 permits handled at the stage, unrounded. */
  perThousand: number;
  suggestedLikelihood: 1 | 2 | 3 | 4 | 5;
}

/** Bounds (per 1,000) below which each likelihood is suggested; 5 from the last one up. */
export const SIGNAL_LIKELIHOOD_BOUNDS = [1, 5, 20, 50] as const;

export function suggestedLikelihood(perThousand: number): CellSignal['suggestedLikelihood'] {
  const index = SIGNAL_LIKELIHOOD_BOUNDS.findIndex((bound) => perThousand < bound);
  return (index === -1 ? 5 : index + 1) as CellSignal['suggestedLikelihood'];
}

/** Null when the stage handled no permit in the window: no data, no signal. */
export function cellSignal(counts: { flagged: number; handled: number }): CellSignal | null {
  if (counts.handled <= 0) return null;
  const perThousand = (counts.flagged * 1000) / counts.handled;
  return { flagged: counts.flagged, handled: counts.handled, perThousand, suggestedLikelihood: suggestedLikelihood(perThousand) };
}
