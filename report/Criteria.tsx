import type { ReportCriterion, ReportData } from '../shared/report/report-data.js';
import { CutNote } from './CutNote.js';
import type { Words } from './words.js';

/** Every criterion, grouped by article in the library's order, with everything behind its number. */
export function Criteria({ data, words }: { data: ReportData; words: Words }) {
  const { t } = words;
  return (
    <section className="major criteria" data-section="criteria">
      <h2>{t('document.sections.criteria')}</h2>
      <p>{t('document.criteria.intro')}</p>
      {data.view.scores.articles.map((a) => (
        <ArticleBlock key={`${a.framework}:${a.article}`} article={a} data={data} words={words} />
      ))}
    </section>
  );
}

type ArticleScore = ReportData['view']['scores']['articles'][number];

/** One article: its heading, score and coverage, then each of its criteria (the main sections and the legal framework pack alike). */
export function ArticleBlock({ article: a, data, words }: { article: ArticleScore; data: ReportData; words: Words }) {
  const { t, fmt } = words;
  return (
    <div className="article">
      <h3>{t('document.criteria.articleHeading', { article: a.article, title: words.article(a.framework, a.article, a.title) })}</h3>
      <p className="muted">{t('document.criteria.articleScore', { score: fmt.score(a.score), coverage: fmt.percent(a.coverage.percent) })}</p>
      {data.criteria
        .filter((c) => c.frameworkId === a.framework && c.article === a.article)
        .map((c) => (
          <CriterionBlock key={`${c.frameworkId}:${c.id}`} criterion={c} words={words} />
        ))}
    </div>
  );
}

export function CriterionBlock({ criterion: c, words }: { criterion: ReportCriterion; words: Words }) {
  const { t, fmt } = words;
  const maturity = (m: number) => `${m} ${t(`document.maturity.${m}`)}`;
  return (
    <article className={`criterion${c.applicable ? '' : ' not-applicable'}`} data-criterion={c.id}>
      <div className="criterion-head">
        <h4>
          {c.paragraph} {words.criterionTitle(c)}
        </h4>
        <table className="facts">
          <tbody>
            <tr>
              <th scope="row">{t('document.criteria.obligation')}</th>
              <td>{t(`document.obligation.${c.obligation}`)}</td>
              <th scope="row">{t('document.criteria.weight')}</th>
              <td>{c.weight}</td>
            </tr>
            {c.applicable ? (
              <>
                <tr>
                  <th scope="row">{t('document.criteria.derived')}</th>
                  <td>{maturity(c.derived)}</td>
                  <th scope="row">{t('document.criteria.final')}</th>
                  <td data-field="final">
                    <strong>{maturity(c.final)}</strong>
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('document.criteria.target')}</th>
                  <td>{c.target > 0 ? maturity(c.target) : t('document.criteria.noTarget')}</td>
                  <th scope="row">{t('document.criteria.result')}</th>
                  <td>{c.meetsTarget ? t('document.criteria.meets') : <strong className="below">{t('document.criteria.below')}</strong>}</td>
                </tr>
              </>
            ) : (
              <tr>
                <td colSpan={4}>
                  <strong>{t('document.criteria.notApplicable')}</strong>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {c.override ? (
        <p className="justification">
          <strong>{t('document.criteria.override', { maturity: maturity(c.override.maturity) })}.</strong> {t('document.criteria.justification', { text: c.override.justification })}
        </p>
      ) : null}
      {!c.applicable && c.applicabilityJustification ? (
        <p className="justification">
          <strong>{t('document.criteria.applicability')}.</strong> {t('document.criteria.justification', { text: words.applicabilityJustification(c.id, c.applicabilityJustification) })}
        </p>
      ) : null}
      {c.notes.trim() ? (
        <p className="notes">
          <strong>{t('document.criteria.notesLabel')}</strong> {c.notes}
        </p>
      ) : null}
      <div className="treaty">
        <p className="label">
          {t('document.criteria.treaty')}
          {words.lib.treatyInEnglishOnly ? <span className="treaty-note"> ({t('document.criteria.treatyEnglish')})</span> : null}
        </p>
        <blockquote lang="en">{c.text || t('document.criteria.treatyMissing')}</blockquote>
      </div>
      <p className="label">{t('document.criteria.controls')}</p>
      {c.controls.total === 0 ? (
        <p className="muted">{t('document.criteria.noControls')}</p>
      ) : (
        <table className="controls">
          <thead>
            <tr>
              <th scope="col">{t('document.criteria.control')}</th>
              <th scope="col">{t('document.criteria.family')}</th>
              <th scope="col" className="num">
                {t('document.criteria.stated')}
              </th>
              <th scope="col" className="num">
                {t('document.criteria.effective')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.controls.rows.map((control) => (
              <tr key={control.uid}>
                <td>{control.title}</td>
                <td>{words.family(control.family)}</td>
                <td className="num">{control.stated}</td>
                <td className="num">{control.effective < control.stated ? <strong>{control.effective}</strong> : control.effective}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CutNote list={c.controls} words={words} more />
      <p className="label">{t('document.criteria.evidence')}</p>
      {c.evidence.total === 0 ? (
        <p className="muted">{t('document.criteria.noEvidence')}</p>
      ) : (
        <ul className="evidence">
          {c.evidence.rows.map((e, i) => (
            <li key={i}>
              {t('document.criteria.evidenceItem', { control: e.control, title: e.title, date: fmt.date(e.date) })}
              <span className={e.valid ? 'valid' : 'invalid'}>{t(e.valid ? 'document.criteria.valid' : 'document.criteria.notValid')}</span>
            </li>
          ))}
        </ul>
      )}
      <CutNote list={c.evidence} words={words} more />
      {c.flags.length > 0 ? (
        <>
          <p className="label">{t('document.criteria.flags')}</p>
          <ul className="flags">
            {c.flags.map((flag, i) => (
              <li key={i}>
                <span className={`sev sev-${flag.severity}`}>{t(`document.severity.${flag.severity}`)}</span> {words.flagReason(flag)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
