import { useTranslation } from 'react-i18next';
import type { NumberChange } from '../../../../shared/methodology/compare.js';
import { useFormat } from '../../i18n/format.js';

/**
 * Writes a change read from the comparison: the sign is written out so a rise
 * or a fall never depends on colour. Nothing here computes a value.
 */
export function useDelta() {
  const { t } = useTranslation('lifecycle');
  const format = useFormat();
  function signed(text: string, delta: number): string {
    return delta > 0 ? `+${text}` : text;
  }
  return {
    /** A score delta, one decimal. */
    score: (c: NumberChange) => (c.delta === null ? '—' : c.delta === 0 ? t('compare.noChange') : signed(format.score(c.delta), c.delta)),
    /** A coverage delta, in percentage points. */
    points: (c: NumberChange) => (c.delta === null ? '—' : c.delta === 0 ? t('compare.noChange') : t('compare.points', { value: signed(format.score(c.delta), c.delta) })),
    /** A maturity delta, whole levels. */
    levels: (delta: number | null) => (delta === null ? '—' : delta === 0 ? t('compare.noChange') : signed(format.count(delta), delta)),
    direction: (delta: number | null) => (delta === null || delta === 0 ? 'same' : delta > 0 ? 'up' : 'down'),
  };
}
