import type { ChartOptions, ChartRows } from './data';
import { compact, frame, optionalField, requireField, scaleFor, toRows } from './data';
import type { VlFieldType, VlTransform, VlUnitSpec } from './spec';

/** Options of {@link lineChart}. */
export interface LineChartOptions extends ChartOptions {
  /** Column on the x axis. */
  x: string;
  /** Column(s) on the y axis; several columns are folded into series named after them. */
  y: string | readonly string[];
  /** Column that splits rows into coloured series. */
  color?: string;
  xType?: VlFieldType;
  logX?: boolean;
  logY?: boolean;
  xTitle?: string;
  yTitle?: string;
  /** Draw a point at each row (default true). */
  points?: boolean;
}

/**
 * A line chart of `y` against `x`, one line per `color` value (or per `y` column).
 *
 * @example
 * lineChart(
 *   [{ n: 8, algo: 'A*', expanded: 40 }, { n: 16, algo: 'A*', expanded: 150 }, { n: 8, algo: 'BFS', expanded: 60 }],
 *   { x: 'n', y: 'expanded', color: 'algo', logY: true, title: 'Nodes expanded vs maze size' },
 * );
 */
export function lineChart(rows: ChartRows, opts: LineChartOptions): VlUnitSpec {
  const fn = 'lineChart';
  const data = toRows(fn, rows);
  const x = requireField(fn, data, 'x', opts.x);
  const ys = typeof opts.y === 'string' ? [opts.y] : [...(opts.y ?? [])];
  if (ys.length === 0) requireField(fn, data, 'y', undefined);
  ys.forEach((y) => requireField(fn, data, 'y', y));
  const wide = ys.length > 1;
  const y = wide ? 'value' : ys[0];
  const color = wide ? 'series' : optionalField(fn, data, 'color', opts.color);
  const transform: VlTransform[] = wide ? [{ fold: ys, as: ['series', 'value'] }] : [];
  if (wide) ys.forEach((f) => scaleFor(fn, data, f, opts.logY));
  return {
    ...frame(fn, opts, `line chart of ${ys.join(', ')} by ${x}${color ? ` per ${color}` : ''} (${data.length} rows)`, data, transform),
    mark: { type: 'line', point: opts.points ?? true, tooltip: true },
    encoding: compact({
      x: compact({ field: x, type: opts.xType ?? 'quantitative', title: opts.xTitle, scale: scaleFor(fn, data, x, opts.logX) }),
      y: compact({ field: y, type: 'quantitative' as const, title: opts.yTitle ?? (wide ? ys.join(', ') : undefined), scale: wide ? (opts.logY ? { type: 'log' as const } : undefined) : scaleFor(fn, data, y, opts.logY) }),
      color: color ? { field: color, type: 'nominal' as const } : undefined,
    }),
  };
}
