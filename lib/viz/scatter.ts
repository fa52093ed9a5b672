import type { ChartOptions, ChartRows } from './data';
import { compact, frame, optionalField, requireField, scaleFor, toRows } from './data';
import type { VlFieldType, VlLayerSpec, VlUnitSpec } from './spec';

/** Options of {@link scatter}. */
export interface ScatterOptions extends ChartOptions {
  x: string;
  y: string;
  /** Column coloured by value (nominal unless `colorType` says otherwise). */
  color?: string;
  colorType?: VlFieldType;
  /** Numeric column mapped to point size. */
  size?: string;
  logX?: boolean;
  logY?: boolean;
  xTitle?: string;
  yTitle?: string;
  /**
   * Draw the y = x reference line (e.g. heuristic h against true cost h*: an admissible heuristic
   * keeps every point on or below it).
   */
  diagonal?: boolean;
}

/**
 * A scatter plot of `y` against `x`; with `diagonal`, a layered spec with the y = x line.
 *
 * @example
 * scatter(rows, { x: 'trueCost', y: 'h', diagonal: true, title: 'Manhattan distance is admissible' });
 */
export function scatter(rows: ChartRows, opts: ScatterOptions): VlUnitSpec | VlLayerSpec {
  const fn = 'scatter';
  const data = toRows(fn, rows);
  const x = requireField(fn, data, 'x', opts.x);
  const y = requireField(fn, data, 'y', opts.y);
  const color = optionalField(fn, data, 'color', opts.color);
  const size = optionalField(fn, data, 'size', opts.size);
  const head = frame(fn, opts, `scatter plot of ${y} against ${x}${color ? ` coloured by ${color}` : ''} (${data.length} rows)`, data);
  const points: VlUnitSpec = {
    mark: { type: 'point', filled: true, tooltip: true },
    encoding: compact({
      x: compact({ field: x, type: 'quantitative' as const, title: opts.xTitle, scale: scaleFor(fn, data, x, opts.logX) }),
      y: compact({ field: y, type: 'quantitative' as const, title: opts.yTitle, scale: scaleFor(fn, data, y, opts.logY) }),
      color: color ? { field: color, type: opts.colorType ?? ('nominal' as const) } : undefined,
      size: size ? { field: size, type: 'quantitative' as const } : undefined,
    }),
  };
  if (!opts.diagonal) return { ...head, ...points };
  const finite = data.flatMap((r) => [r[x], r[y]]).filter((v): v is number => typeof v === 'number');
  const lo = finite.length > 0 ? Math.min(...finite) : 0;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  const diagonal: VlUnitSpec = {
    data: { values: [{ [x]: lo, [y]: lo }, { [x]: hi, [y]: hi }] },
    mark: { type: 'line', color: '#888', strokeDash: [4, 4] },
    encoding: { x: { field: x, type: 'quantitative' }, y: { field: y, type: 'quantitative' } },
  };
  return { ...head, layer: [points, diagonal] };
}
