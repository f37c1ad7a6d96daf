import type { ReportData } from '../shared/report/report-data.js';
import type { Words } from './words.js';

/** The sections in print order; the cover lists them (no page numbers: they depend on the printer). */
export function sectionKeys(data: ReportData): string[] {
  return ['summary', ...(data.showTrend ? ['trend'] : []), 'quality', 'criteria', ...(data.view.scores.sections.length ? ['offences'] : []), 'chain', 'actions', 'evidence', 'audit', 'methodology'];
}

/**
 * Who, what, when and under which method, and for a locked assessment the
 * digest in full, so a reader can verify the report against the register or
 * package; then the register's audit head and signing key at export, which
 * anchor the report to the register's log (`verify-audit --report`).
 */
export function Cover({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  const a = data.assessment;
  const status = t(`document.status.${a.status}`);
  return (
    <section className="cover" data-section="cover">
      <p className="kicker">{t('document.kicker')}</p>
      <h1>{t('document.title')}</h1>
      <p className="cover-authority" data-field="authority">
        {data.authority.name}
      </p>
      <dl className="cover-fields">
        <dt>{t('document.cover.assessment')}</dt>
        <dd data-field="assessment">{a.title}</dd>
        <dt>{t('document.cover.asOf')}</dt>
        <dd data-field="as-of">{fmt.date(a.asOf)}</dd>
        <dt>{t('document.cover.status')}</dt>
        <dd data-field="status">
          <span className={`status status-${a.status}`}>{status}</span>
        </dd>
        <dt>{t('document.cover.methodology')}</dt>
        <dd data-field="methodology">{t('document.cover.methodologyValue', { id: a.methodology.id, version: a.methodology.version })}</dd>
        <dt>{t('document.cover.frameworks')}</dt>
        <dd>
          {a.frameworks.map((f) => (
            <span key={f.id} className="cover-framework">
              {t('document.cover.frameworkValue', { title: words.lib.framework(f), id: f.id, version: f.version })}
            </span>
          ))}
        </dd>
        {a.lockedAt ? (
          <>
            <dt>{t('document.cover.lockedAt')}</dt>
            <dd>{fmt.dateTime(a.lockedAt)}</dd>
          </>
        ) : null}
        <dt>{t('document.cover.generated')}</dt>
        <dd>{fmt.dateTime(data.generatedAt)}</dd>
        {data.integrity.auditHead ? (
          <>
            <dt>{t('document.cover.auditHead')}</dt>
            <dd className="hash anchor" data-field="audit-head">
              {data.integrity.auditHead}
            </dd>
            <dt>{t('document.cover.signingKey')}</dt>
            <dd className={data.integrity.signingKey ? 'hash anchor' : undefined} data-field="signing-key">
              {data.integrity.signingKey ?? t('document.cover.unsigned')}
            </dd>
            <dd className="anchor-note">{t('document.cover.headNote')}</dd>
          </>
        ) : null}
      </dl>
      {a.digest ? (
        <div className="digest-box">
          <p className="digest-label">{t('document.cover.digest')}</p>
          <p className="digest" data-field="digest">
            {a.digest}
          </p>
          <p className="digest-note">{t('document.cover.digestNote')}</p>
        </div>
      ) : (
        <p className="draft-note" data-field="draft-note">
          {t('document.cover.draftNote', { status })}
        </p>
      )}
      <div className="contents">
        <p className="contents-title">{t('document.cover.contents')}</p>
        <ol>
          {sectionKeys(data).map((key) => (
            <li key={key}>{t(`document.sections.${key}`)}</li>
          ))}
        </ol>
      </div>
    </section>
  );
}
