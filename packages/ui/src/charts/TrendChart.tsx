import { type ReactNode, useId } from "react";
import { cx } from "../components/classNames.ts";

/** One line (or one colour of bars): a value per category, null where there is none to show. */
export interface ChartSeries {
  /** Stable id; set as data-series on its marks and table column (tests read it). */
  id: string;
  label: string;
  values: ReadonlyArray<number | null>;
}

export interface TrendChartProps {
  /** What the chart shows: the figure's caption and the SVG's accessible name. */
  title: string;
  /** A one-sentence summary for screen readers (e.g. "from 120 in 2021 to 150 in 2024"). */
  description: string;
  /** The x axis: one label per value (years, or measures for bars). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  kind?: "line" | "bar";
  /** How a value is written on the axis, in the tooltips and in the table. */
  format: (value: number) => string;
  /** The same numbers as a table: its caption and the header of its first column. */
  table: {
    caption: string;
    categoryHeader: string;
    /** Visible under the chart (default) or for screen readers only. Keep it visible when cells hold links. */
    visible?: boolean;
    /** A cell's content; by default the formatted value, or `missing` for null. */
    cell?: (series: ChartSeries, index: number) => ReactNode;
    missing?: ReactNode;
  };
  /** Start the y axis at 0 (default) or near the smallest value. */
  zeroBased?: boolean;
  className?: string;
}

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { top: 16, right: 16, bottom: 40, left: 64 };
// Line markers differ in shape too, so a series is not told apart by colour alone.
const MARKERS = ["circle", "square", "diamond", "triangle"] as const;

/** Round axis steps: 1, 2 or 5 times a power of ten, about four of them. */
function ticks(min: number, max: number): number[] {
  if (max === min) max = min + 1;
  const rough = (max - min) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const first = Math.floor(min / step) * step;
  const out: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if ((out.at(-1) ?? 0) < max) out.push(Number((first + out.length * step).toPrecision(12)));
  return out;
}

function Marker({ shape, x, y }: { shape: (typeof MARKERS)[number]; x: number; y: number }) {
  switch (shape) {
    case "square":
      return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} />;
    case "diamond":
      return <polygon points={`${x},${y - 6} ${x + 6},${y} ${x},${y + 6} ${x - 6},${y}`} />;
    case "triangle":
      return <polygon points={`${x},${y - 6} ${x + 6},${y + 5} ${x - 6},${y + 5}`} />;
    default:
      return <circle cx={x} cy={y} r={5} />;
  }
}

/**
 * A small line or bar chart in SVG (no library): `role="img"` named by its title and described by
 * its summary (aria-describedby), with the same numbers in a table, so nothing depends on seeing the picture.
 */
export function TrendChart({
  title,
  description,
  categories,
  series,
  kind = "line",
  format,
  table,
  zeroBased = true,
  className,
}: TrendChartProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const low = values.length === 0 ? 0 : zeroBased ? Math.min(0, ...values) : Math.min(...values);
  const high = values.length === 0 ? 1 : Math.max(...values);
  const axis = ticks(low, high);
  const yMin = axis[0] ?? 0;
  const yMax = axis.at(-1) ?? 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const band = plotW / Math.max(categories.length, 1);
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const barW = Math.min(48, (band * 0.7) / Math.max(series.length, 1));

  return (
    <figure className={cx("hs-chart", className)}>
      <figcaption className="hs-chart__caption">{title}</figcaption>
      {series.length > 1 && (
        <ul className="hs-chart__legend">
          {series.map((s, si) => (
            <li key={s.id} className={`hs-chart__legend-item hs-chart__series-${si % 4}`}>
              <svg width="18" height="14" viewBox="-9 -7 18 14" className="hs-chart__legend-key" focusable="false" aria-hidden="true">
                {kind === "line" ? (
                  <Marker shape={MARKERS[si % 4] ?? "circle"} x={0} y={0} />
                ) : (
                  <rect x={-7} y={-6} width={14} height={12} />
                )}
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg
        className="hs-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        data-chart={kind}
        focusable="false"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <g className="hs-chart__grid">
          {axis.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
              <text x={PAD.left - 8} y={y(v)} dy="0.35em" textAnchor="end" className="hs-chart__tick">
                {format(v)}
              </text>
            </g>
          ))}
          {categories.map((c, i) => (
            <text key={c} x={x(i)} y={HEIGHT - PAD.bottom + 24} textAnchor="middle" className="hs-chart__tick">
              {c}
            </text>
          ))}
        </g>
        {series.map((s, si) => {
          const shape = MARKERS[si % 4] ?? "circle";
          if (kind === "bar") {
            const offset = (si - (series.length - 1) / 2) * barW;
            return (
              <g key={s.id} className={`hs-chart__series hs-chart__series-${si % 4}`} data-series={s.id}>
                {s.values.map((v, i) =>
                  v === null ? null : (
                    <rect
                      // biome-ignore lint/suspicious/noArrayIndexKey: one bar per category, in category order.
                      key={i}
                      x={x(i) + offset - barW / 2 + 1}
                      y={Math.min(y(v), y(Math.max(0, yMin)))}
                      width={barW - 2}
                      height={Math.abs(y(Math.max(0, yMin)) - y(v))}
                      data-value={v}
                    >
                      <title>{`${s.label}, ${categories[i]}: ${format(v)}`}</title>
                    </rect>
                  ),
                )}
              </g>
            );
          }
          // A missing value breaks the line rather than drawing a guess across it.
          const runs: Array<Array<[number, number]>> = [[]];
          s.values.forEach((v, i) => {
            if (v === null) runs.push([]);
            else runs.at(-1)?.push([x(i), y(v)]);
          });
          return (
            <g key={s.id} className={`hs-chart__series hs-chart__series-${si % 4}`} data-series={s.id}>
              {runs
                .filter((run) => run.length > 1)
                .map((run) => (
                  <polyline key={run.map((p) => p.join(",")).join(" ")} points={run.map((p) => p.join(",")).join(" ")} />
                ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one point per category, in category order.
                  <g key={i} className="hs-chart__point" data-value={v}>
                    <Marker shape={shape} x={x(i)} y={y(v)} />
                    <title>{`${s.label}, ${categories[i]}: ${format(v)}`}</title>
                  </g>
                ),
              )}
            </g>
          );
        })}
        <line className="hs-chart__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(Math.max(0, yMin))} y2={y(Math.max(0, yMin))} />
      </svg>
      <div className={table.visible === false ? "hs-visually-hidden" : "hs-table-wrap hs-chart__table"}>
        <table className="utrecht-table utrecht-table--html-table hs-table">
          <caption className="utrecht-table__caption hs-table__caption">{table.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {table.categoryHeader}
              </th>
              {series.map((s) => (
                <th key={s.id} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {categories.map((c, i) => (
              <tr key={c} className="utrecht-table__row" data-category={c}>
                <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                  {c}
                </th>
                {series.map((s) => {
                  const v = s.values[i] ?? null;
                  return (
                    <td key={s.id} className="utrecht-table__cell utrecht-table__cell--numeric-data hs-table__number" data-series={s.id}>
                      {table.cell ? table.cell(s, i) : v === null ? (table.missing ?? "–") : format(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
