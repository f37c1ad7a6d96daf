import type { ReportData } from '../shared/report/report-data.js';
import { CutNote } from './CutNote.js';
import type { Words } from './words.js';

/** "3 / 0 / 5 / 2 / 1": how many controls sit at maturity 0, 1, 2, 3 and 4. */
const distribution = (counts: number[], words: Words) => counts.map((n) => words.fmt.number(n)).join(' / ');

/**
 * Annex D: the controls counted by family (always over every control), then
 * the first rows of the control list. A register of ordinary size is listed
 * whole; a very large one is summarised here and listed whole in the XLSX.
 */
export function ControlsAnnex({ data, words }: { data: ReportData; words: Words }) {
  const { t, fmt } = words;
  return (
    <section className="major annex controls-annex" data-section="controls">
      <h2>{t('document.annex.controlsTitle')}</h2>
      {data.controls.total === 0 ? (
        <p>{t('document.annex.none')}</p>
      ) : (
        <>
          <p>{t('document.annex.controlsIntro')}</p>
          <table className="families">
            <thead>
              <tr>
                <th scope="col">{t('document.annex.family')}</th>
                <th scope="col" className="num">
                  {t('document.annex.controls')}
                </th>
                <th scope="col" className="num">
                  {t('document.annex.stated')}
                </th>
                <th scope="col" className="num">
                  {t('document.annex.effective')}
                </th>
                <th scope="col" className="num">
                  {t('document.annex.unsupported')}
                </th>
                <th scope="col" className="num">
                  {t('document.annex.evidence')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.families.map((f) => (
                <tr key={f.family} data-family={f.family}>
                  <th scope="row">{words.family(f.family)}</th>
                  <td className="num" data-field="controls">
                    {fmt.number(f.controls)}
                  </td>
                  <td className="num nowrap">{distribution(f.stated, words)}</td>
                  <td className="num nowrap">{distribution(f.effective, words)}</td>
                  <td className="num">{fmt.number(f.unsupported)}</td>
                  <td className="num nowrap">
                    {fmt.number(f.evidence)} ({fmt.number(f.validEvidence)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('document.annex.listTitle')}</h3>
          <table className="control-list">
            <thead>
              <tr>
                <th scope="col">{t('document.annex.title')}</th>
                <th scope="col">{t('document.annex.family')}</th>
                <th scope="col" className="num">
                  {t('document.annex.statedOne')}
                </th>
                <th scope="col" className="num">
                  {t('document.annex.effectiveOne')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.controls.rows.map((c) => (
                <tr key={c.uid}>
                  <td>{c.title}</td>
                  <td>{words.family(c.family)}</td>
                  <td className="num">{c.stated}</td>
                  <td className="num">{c.effective < c.stated ? <strong>{c.effective}</strong> : c.effective}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CutNote list={data.controls} words={words} />
        </>
      )}
    </section>
  );
}
