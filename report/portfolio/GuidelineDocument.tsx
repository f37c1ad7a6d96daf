import type { GuidelineData, GuidelineGap } from '../../shared/portfolio/guideline.js';
import type { ReportT } from '../../shared/report/strings.js';
import { Shell } from './Shell.js';

function Gap({ gap, t }: { gap: GuidelineGap; t: ReportT }) {
  return (
    <section className="gap" aria-labelledby={`gap-${gap.rank}`}>
      <p className="kind">
        {t('portfolio.guideline.gap', { rank: gap.rank })} · {t(`portfolio.guideline.kinds.${gap.kind}`)}
      </p>
      <h3 id={`gap-${gap.rank}`}>{gap.title}</h3>
      <h4>{t('portfolio.guideline.figuresHeading')}</h4>
      <ul>
        {gap.figures.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {gap.references.length ? (
        <>
          <h4>{t('portfolio.guideline.referencesHeading')}</h4>
          {gap.references.map((ref) => (
            <div key={`${ref.frameworkId}/${ref.criterionId}`}>
              <p>
                <strong>{ref.paragraph}</strong> — {ref.title}. <span className="muted">{t('portfolio.guideline.obligation', { level: ref.obligationLabel })}</span>
              </p>
              {ref.text ? <blockquote lang="en">{ref.text}</blockquote> : null}
            </div>
          ))}
        </>
      ) : null}
      <h4>{t('portfolio.guideline.measuresHeading')}</h4>
      {gap.measures.map((m) => (
        <div className="measure" key={m.family}>
          <p>
            <strong>{m.title}</strong>
            {m.core ? <span className="tag">{t('portfolio.guideline.core')}</span> : null}
            {m.paragraphs.length ? <span className="muted"> — {t('portfolio.guideline.serves', { paragraphs: m.paragraphs.join(', ') })}</span> : null}
          </p>
          <p>{m.recommendation}</p>
        </div>
      ))}
    </section>
  );
}

/** The draft integrity guideline: the most common gaps, their treaty paragraphs, measures and figures. */
export function GuidelineDocument({ data, t, date }: { data: GuidelineData; t: ReportT; date: string }) {
  return (
    <Shell language={data.language} title={t('portfolio.guideline.title')}>
      <h1>{t('portfolio.guideline.title')}</h1>
      <p className="muted">{t('portfolio.guideline.subtitle', { count: data.authorities })}</p>
      <ul className="facts">
        <li>{t('portfolio.document.generated', { date })}</li>
        <li>{t('portfolio.document.k', { k: data.k })}</li>
      </ul>
      <p className="notice">{t('portfolio.guideline.draft')}</p>
      <p>{t('portfolio.guideline.intro')}</p>
      <p className="muted">{t('portfolio.guideline.anonymity', { k: data.k })}</p>
      {data.treatyInEnglishOnly ? <p className="muted">{t('portfolio.guideline.treatyEnglish')}</p> : null}
      <h2>{t('portfolio.guideline.gapsHeading')}</h2>
      {data.suppressed ? (
        <p className="notice">{t('portfolio.guideline.wholeSuppressed', { k: data.k })}</p>
      ) : data.gaps.length === 0 ? (
        <p>{t('portfolio.guideline.noGaps')}</p>
      ) : (
        data.gaps.map((gap) => <Gap key={gap.rank} gap={gap} t={t} />)
      )}
    </Shell>
  );
}
