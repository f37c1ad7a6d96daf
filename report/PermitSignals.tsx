import type { ReportData } from '../shared/report/report-data.js';
import type { Words } from './words.js';

/**
 * Annex D, "Permit-data signals" (PI-1.2): per chain cell, the flagged and
 * handled permits the assessment was scored with, the suggested likelihood
 * beside the assessor's, and the run and input digest they come from. It
 * names no officer or applicant.
 */
export function PermitSignalsAnnex({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  const annex = data.permitSignals;
  return (
    <section className="major annex permit-signals" data-section="permit-signals">
      <h2>{t('document.sections.permitSignals')}</h2>
      {!annex ? (
        <p>{t('document.permitSignals.none')}</p>
      ) : (
        <>
          <p>{t('document.permitSignals.intro', { from: fmt.date(annex.window.from), to: fmt.date(annex.window.to) })}</p>
          <p className="small">
            {t('document.permitSignals.run', { analysedAt: fmt.dateTime(annex.analysis.analysedAt) })} <span className="hash">{annex.analysis.inputDigest}</span>
          </p>
          {annex.rows.length === 0 ? (
            <p>{t('document.permitSignals.noRows')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  {(['stage', 'riskType', 'flagged', 'handled', 'perThousand', 'suggested', 'likelihood', 'contradicts'] as const).map((key) => (
                    <th scope="col" key={key}>
                      {t(`tables.permitSignals.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {annex.rows.map((r) => (
                  <tr key={`${r.stage}/${r.riskType}`} data-cell={`${r.stage}/${r.riskType}`}>
                    <td>{words.stage(r.stage)}</td>
                    <td>{words.riskType(r.riskType)}</td>
                    <td className="num">{fmt.number(r.flagged)}</td>
                    <td className="num">{fmt.number(r.handled)}</td>
                    <td className="num">{fmt.score(r.perThousand)}</td>
                    <td className="num">{r.suggested}</td>
                    <td className="num">{r.likelihood}</td>
                    <td>{t(r.contradicts ? 'document.common.yes' : 'document.common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
