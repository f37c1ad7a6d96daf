import type { ResultView } from '../../shared/report/result-view.js';
import type { Words } from '../words.js';
import { StageRiskTable } from './StageRiskTable.js';

type Cell = Omit<ResultView['chain'][number], 'controls'>;

/**
 * Stages down, risk types across. Every cell writes its band in words, so the
 * colour is only a second cue (print in black and white stays readable).
 * `compact` shows the residual alone, for the executive summary.
 */
/** The caption names the table for screen readers; the heading above it already does so on paper. */
export function HeatMapTable({ cells, stages, riskTypes, words, caption, compact = false }: {
  cells: readonly Cell[];
  stages: ReadonlyArray<{ id: string }>;
  riskTypes: ReadonlyArray<{ id: string }>;
  words: Words;
  caption: string;
  compact?: boolean;
}) {
  const { t, fmt } = words;
  return (
    <StageRiskTable
      className={`heatmap${compact ? ' heatmap-compact' : ''}`}
      caption={caption}
      stageHeading={t('document.chain.stage')}
      stages={stages}
      riskTypes={riskTypes}
      stageLabel={(s) => words.stage(s.id)}
      riskTypeLabel={(r) => words.riskType(r.id)}
      cells={cells}
      renderCell={(cell) =>
        cell ? (
          <td className={`band band-${cell.band}`}>
            <span className="cell-value">{compact ? fmt.score(cell.residual) : `${cell.inherent} → ${fmt.score(cell.residual)}`}</span>
            <span className="cell-band">{t(`document.band.${cell.band}`)}</span>
          </td>
        ) : (
          <td>—</td>
        )
      }
    />
  );
}
