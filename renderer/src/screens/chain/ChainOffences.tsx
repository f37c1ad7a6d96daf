import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentDetail } from '../../../../shared/api/results.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFlagText } from '../../i18n/flag-text.js';
import { FlagItem } from '../gaps/FlagItem.js';

type Offence = AssessmentDetail['result']['offences'][number];

/**
 * Under a risk type's column heading: the UNCAC offence behind it and, when
 * the legal framework pack is in the assessment, that criterion's final
 * maturity as PI-1 computed it, and the offence-not-established flag.
 */
export function OffenceHeading({ riskType, offence }: { riskType: string; offence: Offence | undefined }) {
  const { t } = useTranslation('chain');
  const { library } = useWorkspace();
  const article = library.riskTypes.find((r) => r.id === riskType)?.uncacArticle ?? null;
  if (!offence) {
    return <span className="offence-line muted">{article ? t('offence.article', { article }) : t('offence.none')}</span>;
  }
  return (
    <span className="offence-line" data-testid={`offence-${riskType}`}>
      <span className="muted">
        {offence.applicable ? t('offence.maturity', { paragraph: offence.paragraph, level: offence.final }) : t('offence.notApplicable', { paragraph: offence.paragraph })}
      </span>
      {offence.flagged ? (
        <span className="badge sev-high offence-flag" data-testid={`offence-flag-${riskType}`}>
          {t('common:flagKind.offence-not-established')}
        </span>
      ) : null}
    </span>
  );
}

/** The offence-not-established flags of the assessment, each with its reason and remedy (the Gaps screen's words). */
export function OffenceFlags({ detail }: { detail: AssessmentDetail }) {
  const { t } = useTranslation('chain');
  const text = useFlagText();
  const baseId = useId();
  const inAssessment = detail.result.sections.length > 0;
  const flags = detail.result.flags.filter((f) => f.kind === 'offence-not-established');
  return (
    <section className="panel chain-offences" aria-labelledby={`${baseId}-heading`} data-testid="offence-flags">
      <h2 id={`${baseId}-heading`}>{t('offence.title')}</h2>
      {!inAssessment ? (
        <p className="muted">{t('offence.notInAssessment')}</p>
      ) : flags.length === 0 ? (
        <p>{t('offence.noFlags')}</p>
      ) : (
        <>
          <p className="muted">{t('offence.intro')}</p>
          {flags.map((flag, i) => (
            <FlagItem
              key={`${flag.subject.id}-${i}`}
              flag={flag}
              headingId={`${baseId}-flag-${i}`}
              text={{ subject: text.subject(flag), reason: text.reason(flag), remedy: text.remedy(flag) }}
            />
          ))}
        </>
      )}
    </section>
  );
}
