import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../../shared/methodology/flags/types.js';
import { SeverityBadge } from '../../components/Badges.js';
import { requestCriterionFocus } from '../assessment/criteria.js';
import { FlagActionButton } from '../actions/FlagActionButton.js';

export interface FlagText {
  subject: string;
  reason: string;
  remedy: { action: string; families: Array<{ id: string; title: string; recommendation: string }> };
}

/** One flag: what it is about, why, and the remedy with the library's recommendation per family. */
export function FlagItem({ flag, text, headingId }: { flag: Flag; text: FlagText; headingId: string }) {
  const { t } = useTranslation('gaps');
  return (
    <article className={`flag-item flag-${flag.severity}`} aria-labelledby={headingId}>
      <div className="flag-head">
        <SeverityBadge severity={flag.severity} />
        <span className="flag-kind">{t(`common:flagKind.${flag.kind}`)}</span>
      </div>
      <h3 id={headingId} className="flag-subject">
        {text.subject}
      </h3>
      <p className="flag-reason">{text.reason}</p>
      <div className="flag-remedy">
        <h4>{t('remedy')}</h4>
        <p>{text.remedy.action}</p>
        {text.remedy.families.length ? (
          <dl className="remedy-families">
            {text.remedy.families.map((f) => (
              <div key={f.id}>
                <dt>{f.title}</dt>
                <dd>{f.recommendation}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
      {flag.subject.type === 'criterion' ? (
        <p className="flag-link">
          <a href="#/assessment" onClick={() => requestCriterionFocus(flag.subject.id)}>
            {t('openCriterion', { criterion: flag.subject.id })}
          </a>
        </p>
      ) : null}
      <FlagActionButton flag={flag} subject={text.subject} suggestedTitle={text.remedy.action} />
    </article>
  );
}
