import type { ReportData } from '../shared/report/report-data.js';
import { CutNote } from './CutNote.js';
import type { Words } from './words.js';

/** Each flag → its remedy and the action recorded for it; Owner and Due date are left blank to fill in where none is. */
export function ActionPlan({ data, words }: { data: ReportData; words: Words }) {
  const { t } = words;
  return (
    <section className="major actions" data-section="actions">
      <h2>{t('document.sections.actions')}</h2>
      {data.actionPlan.total === 0 ? (
        <p>{t('document.actions.none')}</p>
      ) : (
        <>
          <p>{t('document.actions.intro')}</p>
          <table className="action-plan">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('document.actions.number')}
                </th>
                <th scope="col">{t('document.actions.severity')}</th>
                <th scope="col">{t('document.actions.subject')}</th>
                <th scope="col">{t('document.actions.reason')}</th>
                <th scope="col">{t('document.actions.remedy')}</th>
                <th scope="col" className="fill">
                  {t('document.actions.owner')}
                </th>
                <th scope="col" className="fill">
                  {t('document.actions.due')}
                </th>
                <th scope="col" className="fill">
                  {t('document.actions.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.actionPlan.rows.map((item) => (
                <tr key={item.number}>
                  <td className="num">{item.number}</td>
                  <td>
                    <span className={`sev sev-${item.flag.severity}`}>{t(`document.severity.${item.flag.severity}`)}</span>
                  </td>
                  <td>
                    <span className="muted small block">{t(`document.flagKind.${item.flag.kind}`)}</span>
                    {words.flagSubject(item.flag)}
                  </td>
                  <td>{words.flagReason(item.flag)}</td>
                  <td>
                    {words.flagRemedy(item.flag)}
                    {item.flag.remedy.families.length > 0 ? (
                      <span className="families">{t('document.actions.families', { families: item.flag.remedy.families.map((f) => words.family(f.id, f.title)).join(', ') })}</span>
                    ) : null}
                    {item.action ? <span className="families">{`${t('document.actions.planned')}: ${item.action}`}</span> : null}
                  </td>
                  <td className="fill">{item.owner}</td>
                  <td className="fill">{item.due ? words.fmt.date(item.due) : ''}</td>
                  <td className="fill">{item.status ? t(`document.actionStatus.${item.status}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CutNote list={data.actionPlan} words={words} />
        </>
      )}
    </section>
  );
}
