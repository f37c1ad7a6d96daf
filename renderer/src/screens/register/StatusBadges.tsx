import { useTranslation } from 'react-i18next';
import type { EvidenceState } from '../../../../shared/methodology/control-status.js';

/** Evidence state, written out (colour only repeats what the word says); `label` is the state in the reader's language. */
export function EvidenceStateMark({ state, label }: { state: EvidenceState; label: string }) {
  return <span className={`badge ev-${state}`}>{label}</span>;
}

export function EvidenceStateBadge({ state }: { state: EvidenceState }) {
  const { t } = useTranslation();
  return <EvidenceStateMark state={state} label={t(`evidenceState.${state}`)} />;
}

/** Review state: overdue (never reviewed or over 12 months before the as-of date) or up to date. */
export function ReviewMark({ overdue, label }: { overdue: boolean; label: string }) {
  return <span className={`badge ${overdue ? 'review-overdue' : 'review-current'}`}>{label}</span>;
}

export function ReviewBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation('register');
  return <ReviewMark overdue={overdue} label={overdue ? t('review.overdue') : t('review.current')} />;
}
