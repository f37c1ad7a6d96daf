import { useTranslation } from 'react-i18next';
import type { RiskBand, Severity } from '../../../shared/domain/vocabulary.js';

/** Severity and band are always written out, so colour is never the only cue. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <span className={`badge sev-${severity}`}>{t(`severity.${severity}`)}</span>;
}

export function BandBadge({ band }: { band: RiskBand }) {
  const { t } = useTranslation();
  return <span className={`badge band-${band}`}>{t(`band.${band}`)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
