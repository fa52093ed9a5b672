// Internal helpers shared by the chart builders: row normalisation and option checks.
import { fail } from '../core/errors';
import { vizMessages } from './messages';
import type { VlJson, ChartRow, VlParam, VlScale, VlTransform } from './spec';
import { VEGA_LITE_SCHEMA } from './spec';

export const MODULE = 'viz/charts';

/** Rows as accepted by every builder: plain objects, or anything with arquero's `objects()`. */
export type ChartRows = readonly object[] | { objects(): object[] };

/** Options shared by all builders. */
export interface ChartOptions {
  /** Chart title (also the first part of the text/plain fallback). */
  title?: string;
  /** One sentence saying what the chart shows (text/plain fallback, screen readers). */
  description?: string;
  /** Plot width and height in pixels. */
  width?: number;
  height?: number;
  /** Extra vega-lite params (e.g. from {@link sliderParam} / {@link dropdownParam}). */
  params?: VlParam[];
  /** A vega expression rows must satisfy; may refer to params by name, e.g. `'datum.w <= weight'`. */
  filter?: string;
}

/** Copies rows into JSON-safe plain objects (non-finite numbers become null). */
export function toRows(fn: string, input: unknown): ChartRow[] {
  let rows: unknown = input;
  if (isObjectsProvider(input)) rows = input.objects();
  if (!Array.isArray(rows)) return fail(MODULE, vizMessages.rowsNotArray(fn, input));
  return rows.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return fail(MODULE, vizMessages.rowsNotObject(fn, i, row));
    }
    const out: ChartRow = {};
    for (const [key, value] of Object.entries(row)) out[key] = jsonSafe(value);
    return out;
  });
}

function isObjectsProvider(value: unknown): value is { objects(): object[] } {
  return typeof value === 'object' && value !== null && typeof (value as { objects?: unknown }).objects === 'function';
}

function jsonSafe(value: unknown): VlJson {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return JSON.parse(JSON.stringify(value)) as VlJson;
}

/** The column names seen in the rows, in first-seen order. */
export function columnsOf(rows: readonly ChartRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** Checks that `option` names a column (skipped for empty rows). Returns the field. */
export function requireField(fn: string, rows: readonly ChartRow[], option: string, field: unknown): string {
  if (typeof field !== 'string' || field.length === 0) return fail(MODULE, vizMessages.fieldRequired(fn, option));
  if (rows.length > 0 && !rows.some((r) => field in r)) {
    return fail(MODULE, vizMessages.fieldMissing(fn, option, field, columnsOf(rows)));
  }
  return field;
}

/** Checks that an optional field names a column. */
export function optionalField(fn: string, rows: readonly ChartRow[], option: string, field: unknown): string | undefined {
  return field === undefined ? undefined : requireField(fn, rows, option, field);
}

/** A log scale if `log` is set, after checking that all values are positive. */
export function scaleFor(fn: string, rows: readonly ChartRow[], field: string, log: boolean | undefined, extra: VlScale = {}): VlScale | undefined {
  if (!log) return Object.keys(extra).length > 0 ? extra : undefined;
  rows.forEach((row, i) => {
    const v = row[field];
    if (v !== null && v !== undefined && !(typeof v === 'number' && v > 0)) {
      fail(MODULE, vizMessages.logNonPositive(fn, field, v, i));
    }
  });
  return { ...extra, type: 'log' };
}

/** Checks a pixel size. */
export function checkSize(fn: string, name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail(MODULE, vizMessages.sizeNotPositive(fn, name, value));
  }
  return value;
}

/** The top-level part every builder shares: schema, title, size, data, params, filter. */
export function frame(fn: string, opts: ChartOptions, defaultDescription: string, rows?: ChartRow[], transform: VlTransform[] = []) {
  const width = checkSize(fn, 'width', opts.width) ?? 400;
  const height = checkSize(fn, 'height', opts.height) ?? 260;
  const all: VlTransform[] = [...(opts.filter ? [{ filter: opts.filter }] : []), ...transform];
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(opts.title ? { title: opts.title } : {}),
    description: opts.description ?? defaultDescription,
    width,
    height,
    ...(rows ? { data: { values: rows } } : {}),
    ...(opts.params && opts.params.length > 0 ? { params: opts.params } : {}),
    ...(all.length > 0 ? { transform: all } : {}),
  };
}

/** Drops undefined properties so specs stay minimal and snapshot-stable. */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}
