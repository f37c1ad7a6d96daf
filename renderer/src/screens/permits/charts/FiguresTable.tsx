import type { ReactNode } from 'react';

export interface FigureRow {
  key: string | number;
  /** The row's name (a month, an officer, a year), read out as the header of its figures. */
  header: ReactNode;
  headerClassName?: string;
  /** The figures, right-aligned, in the order of `figureColumns`. */
  figures: ReactNode[];
}

/** A chart's figures as a table: the text alternative every chart on this screen offers. */
export function FiguresTable({ caption, rowColumn, figureColumns, rows }: { caption: string; rowColumn: string; figureColumns: string[]; rows: FigureRow[] }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowColumn}</th>
          {figureColumns.map((label) => (
            <th key={label} scope="col" className="num">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={row.headerClassName}>
              {row.header}
            </th>
            {row.figures.map((figure, i) => (
              <td key={i} className="num">
                {figure}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
