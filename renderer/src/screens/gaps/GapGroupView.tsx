import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SeverityBadge } from '../../components/Badges.js';
import { useFormat } from '../../i18n/format.js';
import { requestControlDraft } from '../register/control-draft.js';
import { FlagItem } from './FlagItem.js';
import type { GapGroup } from './gap-groups.js';

/**
 * One group of flags, collapsed until opened, with its count and what to do:
 * "add a control for this" opens the control form pre-filled with the
 * remedy's family and recommendation. `actionSlot` is where "make an action"
 * goes once the action plan exists (built separately); nothing shows until then.
 */
export function GapGroupView({ group, open, idPrefix, actionSlot }: { group: GapGroup; open: boolean; idPrefix: string; actionSlot?: ReactNode }) {
  const { t } = useTranslation('gaps');
  const format = useFormat();
  const label = group.criterionId ? t('group.criterion', { criterion: group.items[0]!.text.subject }) : t(`common:flagKind.${group.kind}`);
  return (
    <details className={`gap-group flag-${group.severity}`} open={open} data-testid="gap-group">
      <summary>
        <SeverityBadge severity={group.severity} /> <span className="gap-group-label">{label}</span>{' '}
        <span className="gap-group-count">{t('group.count', { count: group.items.length, formatted: format.count(group.items.length) })}</span>
      </summary>
      <ol className="flag-list">
        {group.items.map((item, index) => (
          <li key={`${item.flag.kind}:${item.flag.subject.type}:${item.flag.subject.id}`}>
            <FlagItem flag={item.flag} text={item.text} headingId={`${idPrefix}-${index}`} />
          </li>
        ))}
      </ol>
      <div className="toolbar gap-group-actions">
        {group.remedy ? (
          <a
            className="button"
            href="#/register"
            onClick={() => requestControlDraft({ family: group.remedy!.family, description: group.remedy!.recommendation })}
            aria-label={t('group.addControlFor', { label })}
          >
            {t('group.addControl')}
          </a>
        ) : null}
        {actionSlot}
      </div>
    </details>
  );
}
