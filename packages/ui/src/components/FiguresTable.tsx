import type { ReactNode } from "react";
import { cx } from "./classNames.ts";

export interface FigureRow {
  /** Stable id; also set as data-figure on the row (tests read it). */
  id: string;
  label: ReactNode;
  value: ReactNode;
}

export interface FiguresTableProps {
  caption: ReactNode;
  labelHeader: string;
  valueHeader: string;
  rows: readonly FigureRow[];
  className?: string;
}

/** A two-column table of figures: a row header with what it is, and the number, right-aligned. */
export function FiguresTable({ caption, labelHeader, valueHeader, rows, className }: FiguresTableProps) {
  return (
    <div className={cx("hs-table-wrap", className)}>
      <table className="utrecht-table utrecht-table--html-table hs-table">
        <caption className="utrecht-table__caption hs-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {labelHeader}
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id} className="utrecht-table__row" data-figure={row.id}>
              <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                {row.label}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data hs-table__number">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
