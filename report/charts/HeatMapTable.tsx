import type { ResultView } from '../../shared/report/result-view.js';
import type { Words } from '../words.js';

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
  const byCell = new Map(cells.map((c) => [`${c.stage}/${c.riskType}`, c]));
  return (
    <table className={`heatmap${compact ? ' heatmap-compact' : ''}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('document.chain.stage')}</th>
          {riskTypes.map((r) => (
            <th scope="col" key={r.id}>
              {words.riskType(r.id)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {stages.map((s) => (
          <tr key={s.id}>
            <th scope="row">{words.stage(s.id)}</th>
            {riskTypes.map((r) => {
              const cell = byCell.get(`${s.id}/${r.id}`);
              if (!cell) return <td key={r.id}>—</td>;
              return (
                <td key={r.id} className={`band band-${cell.band}`}>
                  <span className="cell-value">{compact ? fmt.score(cell.residual) : `${cell.inherent} → ${fmt.score(cell.residual)}`}</span>
                  <span className="cell-band">{t(`document.band.${cell.band}`)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
