import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QualityPoints } from '../../../../report/QualityCheck.js';
import { reportWords } from '../../../../report/words.js';
import { QUALITY_KINDS } from '../../../../shared/report/quality-check.js';
import type { ReportData } from '../../../../shared/report/report-data.js';

/**
 * The quality check of the report's front matter, shown before export:
 * grouped by kind with counts, each point in the UI language (the same
 * sentences the report prints). It never blocks an export.
 */
export function QualityPanel({ data }: { data: ReportData }) {
  const { t, i18n } = useTranslation('reports');
  const headingId = useId();
  const words = useMemo(() => reportWords(data, i18n.language), [data, i18n.language]);
  const { items, counts } = data.quality;
  const kinds = QUALITY_KINDS.filter((kind) => counts[kind] > 0);
  // A kind's points are worded when it is opened: at 10,000 controls there are thousands, all collapsed.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  return (
    <section className="panel reports-quality" aria-labelledby={headingId} data-testid="quality-check">
      <h2 id={headingId}>{t('quality.title')}</h2>
      {items.length === 0 ? (
        <p className="quality-ok">{t('quality.none')}</p>
      ) : (
        <>
          <p className="muted">{t('quality.intro')}</p>
          <p>
            <strong data-testid="quality-total">{t('quality.total', { count: items.length })}</strong>
          </p>
          <ul className="quality-kinds" aria-label={t('quality.kindsLabel')}>
            {kinds.map((kind) => (
              <li key={kind} data-quality-kind={kind}>
                <details onToggle={(e) => (e.currentTarget.open && !opened.has(kind) ? setOpened(new Set(opened).add(kind)) : undefined)}>
                  <summary>
                    {words.t(`document.quality.kind.${kind}`)} <span className="badge quality-count">{counts[kind]}</span>
                  </summary>
                  {opened.has(kind) ? <QualityPoints items={items} kind={kind} words={words} /> : null}
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
