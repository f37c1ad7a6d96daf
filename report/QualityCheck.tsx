import { QUALITY_KINDS } from '../shared/report/quality-check.js';
import type { ReportData } from '../shared/report/report-data.js';
import { CutNote } from './CutNote.js';
import type { Words } from './words.js';

/** The points of one kind, each worded as the report prints it (also the Reports screen's list). */
export function QualityPoints({ items, kind, words }: { items: ReportData['quality']['items']; kind: string; words: Words }) {
  return (
    <ul>
      {items
        .filter((item) => item.kind === kind)
        .map((item, i) => (
          <li key={`${item.subject.id}-${i}`}>{words.quality(item)}</li>
        ))}
    </ul>
  );
}

/**
 * What an auditor would question, grouped by kind with counts. Printed in the
 * front matter whatever it finds: the export never waits on it.
 */
export function QualityCheck({ data, words }: { data: ReportData; words: Words }) {
  const { t } = words;
  const { items, counts } = data.quality;
  return (
    <section className="major quality" data-section="quality">
      <h2>{t('document.sections.quality')}</h2>
      {data.quality.total === 0 ? (
        <p className="quality-none" data-field="quality-none">
          {t('document.quality.none')}
        </p>
      ) : (
        <>
          <p>{t('document.quality.intro')}</p>
          <p className="muted">{t('document.quality.total', { count: data.quality.total })}</p>
          {QUALITY_KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
            <div className="quality-group" key={kind} data-quality-kind={kind}>
              <h3>
                {t(`document.quality.kind.${kind}`)} <span className="count">({counts[kind]})</span>
              </h3>
              <QualityPoints items={items} kind={kind} words={words} />
              <CutNote shown={items.filter((item) => item.kind === kind).length} total={counts[kind]} words={words} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
