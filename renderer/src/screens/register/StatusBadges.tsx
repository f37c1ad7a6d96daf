import { useTranslation } from 'react-i18next';
import type { EvidenceState } from '../../../../shared/methodology/control-status.js';

/** Evidence state, written out (colour only repeats what the word says). */
export function EvidenceStateBadge({ state }: { state: EvidenceState }) {
  const { t } = useTranslation();
  return <span className={`badge ev-${state}`}>{t(`evidenceState.${state}`)}</span>;
}

/** Review state: overdue (never reviewed or over 12 months before the as-of date) or up to date. */
export function ReviewBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation('register');
  return <span className={`badge ${overdue ? 'review-overdue' : 'review-current'}`}>{overdue ? t('review.overdue') : t('review.current')}</span>;
}
