import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLibraryText } from '../../i18n/library-text.js';
import type { CriterionRow } from './criteria.js';

/** Facet by facet: the families that count, the maturity PI-1 found, and the controls that produce it. */
export function FacetTable({ row }: { row: CriterionRow }) {
  const { t } = useTranslation('assessment');
  const lib = useLibraryText();
  const w = useWorkspace();
  const detail = w.detail!;
  const familyTitle = (id: string) => {
    const family = w.library.families.find((f) => f.id === id) ?? detail.snapshot.families.find((f) => f.id === id);
    return family ? lib.family(family) : id;
  };
  const control = (uid: string) => ({ title: detail.controls[uid]?.title ?? uid, result: detail.controls[uid] });
  return (
    <>
      <h4 className="facets-title">{t('facets.title')}</h4>
      <p className="muted facets-intro">{t('facets.intro')}</p>
      <table className="facets" data-testid="facets">
        <thead>
          <tr>
            <th scope="col">{t('facets.facet')}</th>
            <th scope="col">{t('facets.families')}</th>
            <th scope="col">{t('facets.maturity')}</th>
            <th scope="col">{t('facets.controls')}</th>
          </tr>
        </thead>
        <tbody>
          {row.result.facets.map((facet, index) => (
            <tr key={facet.families.join('+')}>
              <th scope="row">{index + 1}</th>
              <td>{facet.families.map(familyTitle).join(t('facets.or'))}</td>
              <td>{t(`common:maturity.${facet.maturity}`)}</td>
              <td>
                {facet.controls.length ? (
                  <ul className="plain">
                    {facet.controls.map((uid) => {
                      const c = control(uid);
                      return (
                        <li key={uid}>
                          {c.title}
                          {c.result && c.result.unsupported ? (
                            <span className="muted"> ({t('facets.unsupported', { stated: c.result.stated, effective: c.result.effective })})</span>
                          ) : null}
                        </li>
                      );
                    })}
                    {facet.controlCount > facet.controls.length ? <li className="muted">{t('facets.more', { count: facet.controlCount - facet.controls.length })}</li> : null}
                  </ul>
                ) : (
                  <span className="muted">{t('facets.noControl')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
