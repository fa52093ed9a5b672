/**
 * Plain-JSON vega-lite types: the subset our builders produce. Specs carry the vega-lite **v5**
 * `$schema` and avoid v6-only features, because JupyterLab 4 renders
 * `application/vnd.vegalite.v5+json`.
 */

/** The `$schema` every chart carries. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** The Jupyter MIME type for our specs. */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

export type VlJson = string | number | boolean | null | VlJson[] | { [key: string]: VlJson };
export type ChartRow = Record<string, VlJson>;

export type VlFieldType = 'quantitative' | 'ordinal' | 'nominal' | 'temporal';

export interface VlScale {
  type?: 'linear' | 'log' | 'symlog' | 'pow' | 'sqrt' | 'band' | 'point' | 'ordinal';
  domain?: VlJson[];
  range?: VlJson[];
  scheme?: string;
  reverse?: boolean;
  zero?: boolean;
  nice?: boolean;
}

export interface VlFieldDef {
  field?: string;
  type?: VlFieldType;
  title?: string | null;
  value?: VlJson;
  aggregate?: string;
  scale?: VlScale | null;
  axis?: Record<string, VlJson> | null;
  legend?: Record<string, VlJson> | null;
  sort?: VlJson;
  format?: string;
  condition?: { test: string; value: VlJson };
  /** null: no stacking (vega-lite stacks bars that share a category by default). */
  stack?: null | 'zero' | 'normalize' | 'center';
}

export type VlEncoding = Partial<Record<
  'x' | 'y' | 'x2' | 'y2' | 'xOffset' | 'yOffset' | 'color' | 'size' | 'shape' | 'opacity' | 'text' | 'order' | 'detail',
  VlFieldDef
>> & { tooltip?: VlFieldDef | VlFieldDef[] | { content: 'data' } };

/** A vega-lite input binding: a slider or a dropdown (radio and checkbox also exist). */
export type VlBind =
  | { input: 'range'; min: number; max: number; step?: number; name?: string }
  | { input: 'select'; options: VlJson[]; labels?: string[]; name?: string }
  | { input: 'radio'; options: VlJson[]; labels?: string[]; name?: string }
  | { input: 'checkbox'; name?: string };

/** A variable parameter bound to an input widget; filters and expressions refer to it by name. */
export interface VlParam {
  name: string;
  value?: VlJson;
  bind?: VlBind;
}

export type VlTransform = { [key: string]: VlJson };
export type VlMark = string | { type: string; [key: string]: VlJson };

interface VlCommon {
  $schema?: string;
  title?: string;
  description?: string;
  width?: number;
  height?: number;
  data?: { values: ChartRow[] };
  params?: VlParam[];
  transform?: VlTransform[];
  config?: { [key: string]: VlJson };
}

/** A single-view spec: one mark with its encoding. */
export interface VlUnitSpec extends VlCommon {
  mark: VlMark;
  encoding?: VlEncoding;
}

/** Layers drawn on top of each other, sharing scales unless `resolve` says otherwise. */
export interface VlLayerSpec extends VlCommon {
  layer: (VlUnitSpec | VlLayerSpec)[];
  resolve?: { scale?: Record<string, 'shared' | 'independent'>; legend?: Record<string, 'shared' | 'independent'> };
  encoding?: VlEncoding;
}

/** Any chart built by lib/viz. */
export type VlSpec = VlUnitSpec | VlLayerSpec;

/**
 * True if `spec` is a single-view (unit) spec: it has a `mark` and no `layer`.
 *
 * @example
 * isUnitSpec(lineChart(rows, { x: 'n', y: 'ms' })); // true
 */
export function isUnitSpec(spec: unknown): spec is VlUnitSpec {
  return isObject(spec) && 'mark' in spec && !('layer' in spec);
}

/**
 * True if `spec` is a layered spec.
 *
 * @example
 * isLayerSpec(mazeChart(maze)); // true
 */
export function isLayerSpec(spec: unknown): spec is VlLayerSpec {
  return isObject(spec) && Array.isArray((spec as { layer?: unknown }).layer);
}

/**
 * True if `spec` looks like a vega-lite spec we can display: a unit, layer, concat, facet or
 * repeat spec, with either no `$schema` or a vega-lite one.
 *
 * @example
 * isVegaLiteSpec({ mark: 'bar' }); // true
 */
export function isVegaLiteSpec(spec: unknown): spec is VlSpec {
  if (!isObject(spec)) return false;
  const schema = (spec as { $schema?: unknown }).$schema;
  if (schema !== undefined && !(typeof schema === 'string' && schema.includes('vega-lite'))) return false;
  return ['mark', 'layer', 'hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((k) => k in spec);
}

/**
 * A one-line text description of a chart (title, then description), used as the `text/plain`
 * fallback of a displayed chart.
 *
 * @example
 * chartSummary(barChart(rows, { x: 'algorithm', y: 'expanded', title: 'Nodes expanded' }));
 * // 'Nodes expanded — bar chart of expanded by algorithm (3 rows)'
 */
export function chartSummary(spec: VlSpec): string {
  const parts = [spec.title, spec.description].filter((s): s is string => typeof s === 'string' && s.length > 0);
  return parts.length > 0 ? parts.join(' — ') : 'vega-lite chart (untitled)';
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
