import { useTranslation } from 'react-i18next';
import type { Suppressible } from '../../../../shared/portfolio/types.js';
import { useFormat } from '../../i18n/format.js';

/**
 * A pooled count as a table cell: the number, or the words "suppressed (fewer
 * than k authorities)" where it would be drawn from too few authorities —
 * never 0, never a blank.
 */
export function FigureCell({ value, k, colSpan }: { value: Suppressible; k: number; colSpan?: number }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  if (value === null) {
    return (
      <td className="suppressed" colSpan={colSpan}>
        {t('suppressed', { k })}
      </td>
    );
  }
  return <td className="num">{format.count(value)}</td>;
}
