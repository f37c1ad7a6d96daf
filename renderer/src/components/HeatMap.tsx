import { useTranslation } from 'react-i18next';
import type { ChainCellResult } from '../../../shared/methodology/assess.js';
import { useWorkspace } from '../app/workspace.js';
import { useFormat } from '../i18n/format.js';
import { useLibraryText } from '../i18n/library-text.js';
import { ScrollRegion } from './ScrollRegion.js';

/**
 * Stages down, risk types across; each cell shows inherent → residual and the
 * band in words, with the band's colour as a second cue only.
 */
export function HeatMap({ cells, caption }: { cells: readonly ChainCellResult[]; caption: string }) {
  const { t } = useTranslation('overview');
  const { library } = useWorkspace();
  const lib = useLibraryText();
  const format = useFormat();
  const byCell = new Map(cells.map((c) => [`${c.stage}/${c.riskType}`, c]));
  return (
    <ScrollRegion label={caption} className="heatmap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('heatmap.stage')}</th>
            {library.riskTypes.map((r) => (
              <th key={r.id} scope="col">
                {lib.riskType(r)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {library.stages.map((s) => (
            <tr key={s.id}>
              <th scope="row">{lib.stage(s)}</th>
              {library.riskTypes.map((r) => {
                const cell = byCell.get(`${s.id}/${r.id}`);
                if (!cell) return <td key={r.id}>—</td>;
                return (
                  <td key={r.id} className={`band-${cell.band}`} title={t('heatmap.cellTitle', { inherent: cell.inherent, residual: format.score(cell.residualDisplay) })}>
                    <span>
                      {cell.inherent} → {format.score(cell.residualDisplay)}
                    </span>
                    <span className="cell-band">{t(`common:band.${cell.band}`)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('heatmap.legend')}</p>
    </ScrollRegion>
  );
}
