import type { ReportData } from '../shared/report/report-data.js';
import { HeatMapTable } from './charts/HeatMapTable.js';
import type { Words } from './words.js';

/** The heat map (inherent → residual) and every cell's figures as PI-1 computed them. */
export function ChainRisk({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  return (
    <section className="major chain" data-section="chain">
      <h2>{t('document.sections.chain')}</h2>
      <p>{t('document.chain.intro')}</p>
      <div className="keep">
        <h3>{t('document.chain.heatmap')}</h3>
        <HeatMapTable cells={data.view.chain} stages={data.labels.stages} riskTypes={data.labels.riskTypes} words={words} caption={t('document.chain.heatmap')} />
      </div>
      <h3>{t('document.chain.table')}</h3>
      <table className="chain-table">
        <thead>
          <tr>
            <th scope="col">{t('document.chain.stage')}</th>
            <th scope="col">{t('document.chain.riskType')}</th>
            <th scope="col" className="num">
              {t('document.chain.likelihood')}
            </th>
            <th scope="col" className="num">
              {t('document.chain.impact')}
            </th>
            <th scope="col" className="num">
              {t('document.chain.inherent')}
            </th>
            <th scope="col" className="num">
              {t('document.chain.mitigation')}
            </th>
            <th scope="col" className="num">
              {t('document.chain.residual')}
            </th>
            <th scope="col">{t('document.chain.band')}</th>
            <th scope="col" className="num">
              {t('document.chain.controls')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.view.chain.map((cell) => (
            <tr key={`${cell.stage}/${cell.riskType}`}>
              <td>{words.stage(cell.stage)}</td>
              <td>{words.riskType(cell.riskType)}</td>
              <td className="num">{cell.likelihood}</td>
              <td className="num">{cell.impact}</td>
              <td className="num">
                {cell.inherent} <span className="muted small block">{t(`document.band.${cell.inherentBand}`)}</span>
              </td>
              <td className="num">{fmt.percent(cell.mitigation * 100)}</td>
              <td className="num">{fmt.score(cell.residual)}</td>
              <td>
                <span className={`band-word band-${cell.band}`}>{t(`document.band.${cell.band}`)}</span>
              </td>
              <td className="num">{cell.controlCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('document.chain.legendLI')}</p>
    </section>
  );
}
