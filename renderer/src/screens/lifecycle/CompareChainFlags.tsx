import { useTranslation } from 'react-i18next';
import type { AssessmentComparison } from '../../../../shared/methodology/compare.js';
import { SEVERITIES } from '../../../../shared/domain/vocabulary.js';
import { useWorkspace } from '../../app/workspace.js';
import { BandBadge, SeverityBadge } from '../../components/Badges.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';

/** Chain cells whose residual or band changed, as the comparison marks them. */
export function CompareChain({ cells }: { cells: AssessmentComparison['cells'] }) {
  const { t } = useTranslation('lifecycle');
  const { library } = useWorkspace();
  const lib = useLibraryText();
  const format = useFormat();
  const changed = cells.filter((c) => c.changed);
  const stage = (id: string) => library.stages.find((s) => s.id === id);
  const risk = (id: string) => library.riskTypes.find((r) => r.id === id);
  const side = (residual: number | null, band: AssessmentComparison['cells'][number]['fromBand']) =>
    residual === null || band === null ? (
      t('compare.absent')
    ) : (
      <>
        {format.score(residual)} <BandBadge band={band} />
      </>
    );
  return (
    <>
      <h4>{t('compare.cells')}</h4>
      {changed.length ? (
        <table data-testid="compare-cells">
          <caption className="visually-hidden">{t('compare.cells')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.cell')}</th>
              <th scope="col">{t('compare.fromResidual')}</th>
              <th scope="col">{t('compare.toResidual')}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((c) => {
              const s = stage(c.stage);
              const r = risk(c.riskType);
              return (
                <tr key={`${c.stage}/${c.riskType}`}>
                  <th scope="row">
                    {s ? lib.stage(s) : c.stage} × {r ? lib.riskType(r) : c.riskType}
                  </th>
                  <td>{side(c.fromResidual, c.fromBand)}</td>
                  <td>
                    <span aria-hidden="true">→ </span>
                    {side(c.toResidual, c.toBand)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('compare.noCellsChanged')}</p>
      )}
    </>
  );
}

/** Flags raised and cleared between the two, with the counts by severity on each side. */
export function CompareFlags({ flags }: { flags: AssessmentComparison['flags'] }) {
  const { t } = useTranslation('lifecycle');
  const { library, detail } = useWorkspace();
  const lib = useLibraryText();
  const format = useFormat();
  const subject = (id: string) => {
    const control = detail?.controls[id];
    if (control) return control.title;
    const family = library.families.find((f) => f.id === id);
    if (family) return lib.family(family);
    const criterion = library.frameworks.flatMap((f) => f.criteria).find((c) => c.id === id);
    if (criterion) return `${criterion.paragraph} ${lib.criterionTitle(criterion)}`;
    const [s, r] = id.split('/');
    const st = library.stages.find((x) => x.id === s);
    const rk = library.riskTypes.find((x) => x.id === r);
    return st && rk ? `${lib.stage(st)} × ${lib.riskType(rk)}` : id;
  };
  const describe = (key: string) => {
    const [kind = '', id = ''] = key.split('|');
    return t('compare.flagItem', { kind: t(`common:flagKind.${kind}`, { defaultValue: kind }), subject: subject(id) });
  };
  const list = (keys: string[], title: string, testId: string) => (
    <details data-testid={testId}>
      <summary>{title}</summary>
      {keys.length ? (
        <ul>
          {keys.map((k) => (
            <li key={k}>{describe(k)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('compare.noFlags')}</p>
      )}
    </details>
  );
  return (
    <>
      <h4>{t('compare.flags')}</h4>
      <div className="compare-flags">
        <table className="compare-flag-counts">
          <caption className="visually-hidden">{t('compare.flagCounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.severity')}</th>
              <th scope="col" className="num">{t('compare.fromValue')}</th>
              <th scope="col" className="num">{t('compare.toValue')}</th>
            </tr>
          </thead>
          <tbody>
            {SEVERITIES.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <SeverityBadge severity={s} />
                </th>
                <td className="num">{format.count(flags.fromCounts[s])}</td>
                <td className="num">{format.count(flags.toCounts[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          {list(flags.added, t('compare.flagsAdded', { count: flags.added.length }), 'flags-added')}
          {list(flags.removed, t('compare.flagsRemoved', { count: flags.removed.length }), 'flags-removed')}
        </div>
      </div>
    </>
  );
}
