import type { ReportData } from '../shared/report/report-data.js';
import { CutNote } from './CutNote.js';
import type { Words } from './words.js';

/** Audit values can be whole JSON records; the report shows the start, the register keeps the rest. */
const MAX_VALUE = 140;
const clip = (value: string | null) => (value === null ? '—' : value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value);

export function EvidenceRegister({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  return (
    <section className="major annex evidence-register" data-section="evidence">
      <h2>{t('document.sections.evidence')}</h2>
      {data.evidenceRegister.total === 0 ? (
        <p>{t('document.evidence.none')}</p>
      ) : (
        <>
          <p>{t('document.evidence.intro')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('document.evidence.control')}</th>
                <th scope="col">{t('document.evidence.title')}</th>
                <th scope="col">{t('document.evidence.date')}</th>
                <th scope="col">{t('document.evidence.expiry')}</th>
                <th scope="col">{t('document.evidence.valid')}</th>
                <th scope="col" className="hash-col">
                  {t('document.evidence.hash')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.evidenceRegister.rows.map((e, i) => (
                <tr key={`${e.controlUid}-${i}`}>
                  <td>
                    {e.control}
                    <span className="muted small block">{words.family(e.family)}</span>
                  </td>
                  <td>{e.title}</td>
                  <td className="nowrap">{fmt.date(e.date)}</td>
                  <td className="nowrap">{fmt.date(e.expiry)}</td>
                  <td>{t(e.valid ? 'document.common.yes' : 'document.common.no')}</td>
                  <td>
                    {e.sha256 ? (
                      <>
                        <span className="hash">{e.sha256}</span>
                        {e.size !== null ? <span className="muted small block">{t('document.evidence.size', { size: fmt.number(e.size) })}</span> : null}
                      </>
                    ) : (
                      <span className="muted">{t('document.evidence.noFile')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <CutNote list={data.evidenceRegister} words={words} />
        </>
      )}
    </section>
  );
}

export function AuditExtract({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  return (
    <section className="major annex audit" data-section="audit">
      <h2>{t('document.sections.audit')}</h2>
      {data.auditExtract.length === 0 ? (
        <p>{t('document.audit.none')}</p>
      ) : (
        <>
          <p>{t('document.audit.intro')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">{t('document.audit.when')}</th>
                <th scope="col">{t('document.audit.actor')}</th>
                <th scope="col">{t('document.audit.action')}</th>
                <th scope="col">{t('document.audit.change')}</th>
                <th scope="col">{t('document.audit.justification')}</th>
                <th scope="col">{t('document.audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {data.auditExtract.map((row) => (
                <tr key={row.id}>
                  <td className="num">{row.id}</td>
                  <td>{fmt.dateTime(row.at)}</td>
                  <td>{row.actor}</td>
                  <td>
                    {row.action}
                    <span className="muted small block">
                      {row.entity} {row.entityId}
                    </span>
                  </td>
                  <td className="change">
                    {row.field ? <strong>{t('document.audit.field', { field: row.field })}</strong> : null}
                    {clip(row.oldValue)} → {clip(row.newValue)}
                  </td>
                  <td>{row.justification ?? '—'}</td>
                  <td>
                    <span className="hash">{row.hash.slice(0, 16)}…</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A short statement of PI-1 in the report's language; docs/methodology.md has the full account. */
export function MethodologySummary({ data, words }: { data: ReportData; words: Words }) {
  const { t } = words;
  const m = data.assessment.methodology;
  return (
    <section className="major annex methodology" data-section="methodology">
      <h2>{t('document.sections.methodology')}</h2>
      <p>{t('document.methodology.intro', { id: m.id, version: m.version })}</p>
      <table className="scale">
        <caption>{t('document.methodology.scaleTitle')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('document.chart.maturity')}
            </th>
            <th scope="col">{t('document.methodology.levelName')}</th>
            <th scope="col">{t('document.methodology.levelMeaning')}</th>
          </tr>
        </thead>
        <tbody>
          {[0, 1, 2, 3, 4].map((level) => (
            <tr key={level}>
              <td className="num">{level}</td>
              <td>{t(`document.maturity.${level}`)}</td>
              <td>{t(`document.methodology.scale.${level}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(['evidenceRule', 'criterionRule', 'scoreRule', 'flagRule', 'chainRule', 'lockRule'] as const).map((key) => (
        <p key={key}>{t(`document.methodology.${key}`)}</p>
      ))}
    </section>
  );
}
