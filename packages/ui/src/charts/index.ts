export { saveTextFile } from "./export.ts";
export { type ChartSeries, TrendChart, type TrendChartProps } from "./TrendChart.tsx";
