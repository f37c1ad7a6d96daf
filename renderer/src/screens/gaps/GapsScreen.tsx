import { NoAssessment } from '../../components/EmptyState.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_KINDS, SEVERITIES } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { SeverityBadge, StatusBadge } from '../../components/Badges.js';
import { CsvButton } from '../../components/CsvButton.js';
import { useFlagText } from '../../i18n/flag-text.js';
import { useFormat } from '../../i18n/format.js';
import { ControlFlagGroups } from './ControlFlagGroups.js';
import type { FlagText } from './FlagItem.js';
import { GapGroupView } from './GapGroupView.js';
import { groupGaps, type GapGroup } from './gap-groups.js';
import '../../styles/gaps.css';

/** Lower-case, without accents, so "critere" finds "critère" and "evaluacion" finds "evaluación". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * Every flag PI-1 raised, grouped by severity and criterion (collapsed, with
 * counts), with why and what to do about it, in the UI language.
 * `actionSlot`: the placeholder where the action plan (built separately) puts
 * its "make an action" control for a group; without it, nothing is shown.
 */
export function GapsScreen({ actionSlot }: { actionSlot?: (group: GapGroup) => ReactNode } = {}) {
  const { t } = useTranslation('gaps');
  const w = useWorkspace();
  const format = useFormat();
  const flagText = useFlagText();
  const ids = { search: useId(), list: useId() };
  const [severity, setSeverity] = useState('');
  const [kind, setKind] = useState('');
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);
  const detail = w.detail;

  if (!detail) return <NoAssessment heading={t('title', { authority: w.authority?.name })} />;
  const items = detail.result.flags.map((flag) => {
    const text: FlagText = { subject: flagText.subject(flag), reason: flagText.reason(flag), remedy: flagText.remedy(flag) };
    const haystack = fold([text.subject, text.reason, text.remedy.action, ...text.remedy.families.flatMap((f) => [f.title, f.recommendation])].join('\n'));
    return { flag, text, haystack };
  });
  const { result, assessment } = detail;
  const needle = fold(query.trim());
  const shown = items.filter((i) => (!severity || i.flag.severity === severity) && (!kind || i.flag.kind === kind) && (!needle || i.haystack.includes(needle)));
  const filtering = severity !== '' || kind !== '' || query !== '';
  const total = SEVERITIES.reduce((sum, s) => sum + result.flagCounts[s], 0);
  const groups = result.controlFlags.filter((g) => (!severity || g.severity === severity) && (!kind || g.kind === kind));

  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        {assessment.title} · {t('common:common.asOf', { date: format.date(assessment.asOf) })} · <StatusBadge status={assessment.status} />
      </p>
      <section className="panel" aria-labelledby={`${ids.list}-counts`}>
        <h2 id={`${ids.list}-counts`} className="counts-heading">
          {t('countsTitle')}
        </h2>
        <ul className="severity-counts" data-testid="gaps-flag-counts">
          {SEVERITIES.map((s) => (
            <li key={s}>
              <SeverityBadge severity={s} /> <strong>{format.count(result.flagCounts[s])}</strong>
            </li>
          ))}
          <li className="muted">{t('total', { count: total, formatted: format.count(total) })}</li>
        </ul>
      </section>

      <div className="toolbar" role="search" aria-label={t('filters.label')}>
        <FilterSelect label={t('filters.severity')} all={t('filters.allSeverities')} value={severity} choices={SEVERITIES.map((s) => ({ value: s, label: t(`common:severity.${s}`) }))} onChange={setSeverity} />
        <FilterSelect label={t('filters.kind')} all={t('filters.allKinds')} value={kind} choices={FLAG_KINDS.map((k) => ({ value: k, label: t(`common:flagKind.${k}`) }))} onChange={setKind} />
        <div className="filter-field">
          <label htmlFor={ids.search}>{t('filters.search')}</label>
          <input id={ids.search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('filters.searchPlaceholder')} />
        </div>
        <button
          type="button"
          disabled={!filtering}
          onClick={() => {
            setSeverity('');
            setKind('');
            setQuery('');
          }}
        >
          {t('filters.reset')}
        </button>
        <CsvButton
          fileName={`${assessment.title} ${assessment.asOf} flags`}
          headers={['severity', 'kind', 'subject', 'reason', 'remedy', 'families'].map((key) => t(`csv:gaps.${key}`))}
          rows={shown.map(({ flag, text }) => [
            t(`common:severity.${flag.severity}`),
            t(`common:flagKind.${flag.kind}`),
            text.subject,
            text.reason,
            text.remedy.action,
            text.remedy.families.map((f) => t('csv:labelled', { label: f.title, text: f.recommendation })).join('\n'),
          ])}
        />
      </div>
      <p className="flag-count" aria-live="polite" data-testid="flags-shown">
        {filtering ? t('shownOf', { count: shown.length, formatted: format.count(shown.length), total: format.count(items.length) }) : t('shown', { count: shown.length, formatted: format.count(shown.length) })}
      </p>

      {shown.length ? (
        <>
          <div className="toolbar">
            <button type="button" onClick={() => setExpanded(!expanded)} aria-expanded={expanded || filtering}>
              {expanded || filtering ? t('group.collapseAll') : t('group.expandAll')}
            </button>
          </div>
          <ol className="flag-list gap-groups" aria-label={t('listLabel')}>
            {groupGaps(shown).map((group, g) => (
              <li key={`${group.key}-${expanded || filtering}`}>
                {/* A filter opens every group, so that what matches is in view. */}
                <GapGroupView group={group} open={expanded || filtering} idPrefix={`${ids.list}-${g}`} actionSlot={actionSlot?.(group)} />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{items.length || groups.length ? t('noMatch') : t('noFlags')}</p>
      )}
      <ControlFlagGroups assessmentId={assessment.id} version={detail.version} groups={groups} />
    </>
  );
}
