import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagGroupCount } from '../../../../shared/api/assessment-view.js';
import type { Flag } from '../../../../shared/methodology/flags/types.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { SeverityBadge } from '../../components/Badges.js';
import { useFlagText } from '../../i18n/flag-text.js';
import { useFormat } from '../../i18n/format.js';
import { FlagItem } from './FlagItem.js';

const PAGE = 50;

/**
 * Flags about single controls, one collapsed group per kind and severity with
 * its count. A register of 10,000 controls can raise thousands of them, so a
 * group's flags are fetched a page at a time, only when the group is opened.
 */
export function ControlFlagGroups({ assessmentId, version, groups }: { assessmentId: number; version: string; groups: FlagGroupCount[] }) {
  const { t } = useTranslation('gaps');
  const format = useFormat();
  if (!groups.length) return null;
  return (
    <section className="control-flag-groups" aria-labelledby="control-flag-groups-title">
      <h2 id="control-flag-groups-title">{t('controlGroups.title')}</h2>
      <p className="muted">{t('controlGroups.intro')}</p>
      {groups.map((group) => (
        <FlagGroup key={`${group.kind}:${group.severity}:${version}`} assessmentId={assessmentId} group={group} countText={format.count(group.count)} />
      ))}
    </section>
  );
}

function FlagGroup({ assessmentId, group, countText }: { assessmentId: number; group: FlagGroupCount; countText: string }) {
  const { t } = useTranslation('gaps');
  const api = useApi();
  const notify = useNotify();
  const flagText = useFlagText();
  const [flags, setFlags] = useState<Flag[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(offset: number) {
    setBusy(true);
    try {
      const page = await api.call('assessments.flags', { id: assessmentId, kind: group.kind, severity: group.severity, offset, limit: PAGE });
      setFlags((held) => [...(offset ? (held ?? []) : []), ...page.flags]);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  }

  const idBase = `flag-group-${group.kind}-${group.severity}`;
  return (
    <details
      className="flag-group"
      data-testid={idBase}
      data-count={group.count}
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && flags === null && !busy) void load(0);
      }}
    >
      <summary>
        <SeverityBadge severity={group.severity} /> {t(`common:flagKind.${group.kind}`)} <span className="muted">({countText})</span>
      </summary>
      {flags === null ? (
        <p aria-live="polite">{t('common:common.loading')}</p>
      ) : (
        <>
          <ol className="flag-list">
            {flags.map((flag, index) => (
              <li key={`${flag.subject.id}`}>
                <FlagItem flag={flag} text={{ subject: flagText.subject(flag), reason: flagText.reason(flag), remedy: flagText.remedy(flag) }} headingId={`${idBase}-${index}`} />
              </li>
            ))}
          </ol>
          {flags.length < group.count ? (
            <button type="button" disabled={busy} onClick={() => void load(flags.length)}>
              {t('controlGroups.more', { shown: flags.length, total: group.count, count: Math.min(PAGE, group.count - flags.length) })}
            </button>
          ) : null}
        </>
      )}
    </details>
  );
}
