import type { ReportData } from '../shared/report/report-data.js';
import { ArticleBlock } from './Criteria.js';
import type { Words } from './words.js';

/**
 * PI-1.3: the legal framework pack as its own section: its separate score,
 * each risk type beside the offence behind it (with offence-not-established
 * where PI-1 raised it), then the pack's criteria by article. Absent when the
 * assessment does not include the pack.
 */
export function LegalFramework({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  const sections = data.view.scores.sections;
  if (!sections.length) return null;
  return (
    <section className="major offences" data-section="offences">
      <h2>{t('document.sections.offences')}</h2>
      <p>{t('document.offences.intro')}</p>
      {sections.map((section) => (
        <div key={section.framework} data-framework={section.framework}>
          <p data-field="offences-score">
            <strong>
              {t('document.offences.score', {
                score: fmt.score(section.score),
                coverage: fmt.percent(section.coverage.percent),
                met: section.coverage.met,
                total: section.coverage.total,
              })}
            </strong>
          </p>
          {data.view.offences.length ? (
            <>
              <h3>{t('document.offences.table')}</h3>
              <table className="offence-table">
                <thead>
                  <tr>
                    <th scope="col">{t('document.offences.riskType')}</th>
                    <th scope="col">{t('document.offences.paragraph')}</th>
                    <th scope="col" className="num">
                      {t('document.offences.final')}
                    </th>
                    <th scope="col">{t('document.offences.flag')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.view.offences.map((o) => (
                    <tr key={o.riskType} data-risk-type={o.riskType}>
                      <td>{words.riskType(o.riskType)}</td>
                      <td>{words.criterion(o.criterion, o.paragraph)}</td>
                      <td className="num">{o.applicable ? `${o.final} ${t(`document.maturity.${o.final}`)}` : t('document.offences.notApplicable')}</td>
                      <td>{o.flagged ? <strong className="sev sev-high">{t('document.offences.flagged')}</strong> : t('document.offences.notFlagged')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {section.articles.map((a) => (
            <ArticleBlock key={`${a.framework}:${a.article}`} article={a} data={data} words={words} />
          ))}
        </div>
      ))}
    </section>
  );
}
