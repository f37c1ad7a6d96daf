import { Fragment, type ReactNode } from 'react';

type Axis = { id: string };
type StageRiskCell = { stage: string; riskType: string };

/**
 * The value chain as a table: stages down, risk types across, one cell per
 * pair. The overview's heat map, the portfolio's grid and both of their
 * printed versions, and the chain screen's editing grid are this table with
 * different cells, so the headers, scopes and cell look-up live here once;
 * each caller only says what a cell shows (`renderCell` returns the whole
 * <td>, given undefined where `cells` has none for that pair).
 */
export function StageRiskTable<S extends Axis, R extends Axis, C extends StageRiskCell>({
  className,
  caption,
  captionClassName = 'visually-hidden',
  stageClassName,
  stageHeading,
  stages,
  riskTypes,
  stageLabel,
  riskTypeLabel,
  cells,
  renderCell,
}: {
  className?: string;
  caption: string;
  /** Hidden by default: the heading or the scroll region above names the table for sighted readers. */
  captionClassName?: string;
  /** On the stage column's header and row headers alike. */
  stageClassName?: string;
  stageHeading: string;
  stages: readonly S[];
  riskTypes: readonly R[];
  stageLabel(stage: S): string;
  riskTypeLabel(riskType: R): ReactNode;
  /** Omitted where the caller looks its cells up itself (the editing grid, which has pending edits too). */
  cells?: readonly C[];
  renderCell(cell: C | undefined, at: { stage: S; riskType: R }): ReactNode;
}) {
  const byCell = new Map((cells ?? []).map((c) => [`${c.stage}/${c.riskType}`, c]));
  return (
    <table className={className}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={stageClassName}>
            {stageHeading}
          </th>
          {riskTypes.map((r) => (
            <th key={r.id} scope="col">
              {riskTypeLabel(r)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {stages.map((s) => (
          <tr key={s.id}>
            <th scope="row" className={stageClassName}>
              {stageLabel(s)}
            </th>
            {riskTypes.map((r) => (
              <Fragment key={r.id}>{renderCell(byCell.get(`${s.id}/${r.id}`), { stage: s, riskType: r })}</Fragment>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
