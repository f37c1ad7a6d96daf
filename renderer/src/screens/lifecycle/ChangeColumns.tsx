import { useTranslation } from 'react-i18next';
import { useDelta } from './useDelta.js';

/**
 * The comparison's tables, scores and criteria alike, read "what, before,
 * after, change"; the head and the three figure cells are written once so
 * the two tables keep the same columns, alignment and delta colouring.
 */
export function ChangeHead({ subject }: { subject: string }) {
  const { t } = useTranslation('lifecycle');
  return (
    <thead>
      <tr>
        <th scope="col">{subject}</th>
        <th scope="col" className="num">{t('compare.fromValue')}</th>
        <th scope="col" className="num">{t('compare.toValue')}</th>
        <th scope="col" className="num">{t('compare.change')}</th>
      </tr>
    </thead>
  );
}

/** Before, after and the change as written; `delta` only picks the colour class. */
export function ChangeCells({ from, to, change, delta }: { from: string; to: string; change: string; delta: number | null }) {
  const { direction } = useDelta();
  return (
    <>
      <td className="num">{from}</td>
      <td className="num">{to}</td>
      <td className={`num delta-${direction(delta)}`}>{change}</td>
    </>
  );
}
