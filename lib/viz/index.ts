// Sub-barrel of lib/viz: re-exports only.
export { VEGA_LITE_SCHEMA, VEGA_LITE_MIME, isUnitSpec, isLayerSpec, isVegaLiteSpec, chartSummary } from './spec';
export type {
  VlJson, ChartRow, VlFieldType, VlScale, VlFieldDef, VlEncoding, VlBind, VlParam, VlTransform, VlMark,
  VlUnitSpec, VlLayerSpec, VlSpec,
} from './spec';
export type { ChartRows, ChartOptions } from './data';
export { sliderParam, dropdownParam } from './params';
export { lineChart } from './line-chart';
export type { LineChartOptions } from './line-chart';
export { barChart } from './bar-chart';
export type { BarChartOptions } from './bar-chart';
export { scatter } from './scatter';
export type { ScatterOptions } from './scatter';
export { heatmap, matrixToRows } from './heatmap';
export type { HeatmapOptions } from './heatmap';
export { mazeChart } from './maze-chart';
export type { MazeLike, MazeCell, MazeChartOptions } from './maze-chart';
export { vizMessages } from './messages';
export type { VizMessageKey } from './messages';
