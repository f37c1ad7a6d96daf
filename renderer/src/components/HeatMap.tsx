import { useTranslation } from 'react-i18next';
import type { ChainCellResult } from '../../../shared/methodology/assess.js';
import { useWorkspace } from '../app/workspace.js';
import { useFormat } from '../i18n/format.js';
import { useLibraryText } from '../i18n/library-text.js';
import { StageRiskTable } from '../../../report/charts/StageRiskTable.js';
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
  return (
    <ScrollRegion label={caption} className="heatmap">
      <StageRiskTable
        caption={caption}
        stageHeading={t('heatmap.stage')}
        stages={library.stages}
        riskTypes={library.riskTypes}
        stageLabel={lib.stage}
        riskTypeLabel={lib.riskType}
        cells={cells}
        renderCell={(cell) =>
          cell ? (
            <td className={`band-${cell.band}`} title={t('heatmap.cellTitle', { inherent: cell.inherent, residual: format.score(cell.residualDisplay) })}>
              <span>
                {cell.inherent} → {format.score(cell.residualDisplay)}
              </span>
              <span className="cell-band">{t(`common:band.${cell.band}`)}</span>
            </td>
          ) : (
            <td>—</td>
          )
        }
      />
      <p className="muted">{t('heatmap.legend')}</p>
    </ScrollRegion>
  );
}
