import type { ChartOptions, ChartRows } from './data';
import { compact, frame, optionalField, requireField, scaleFor, toRows } from './data';
import type { VlUnitSpec } from './spec';

/** Options of {@link barChart}. */
export interface BarChartOptions extends ChartOptions {
  /** Category column (one bar, or one group of bars, per value). */
  x: string;
  /** Numeric column giving the bar length. */
  y: string;
  /** Column that splits each category into side-by-side coloured bars. */
  color?: string;
  /** Draw bars horizontally (categories on the y axis). */
  horizontal?: boolean;
  logY?: boolean;
  xTitle?: string;
  yTitle?: string;
  /** Order of categories: as in the data (default), or by bar length. */
  sort?: 'data' | 'ascending' | 'descending';
}

/**
 * A bar chart of `y` per category `x`; with `color`, grouped bars.
 *
 * @example
 * barChart(
 *   [{ algo: 'BFS', expanded: 912 }, { algo: 'A*', expanded: 131 }],
 *   { x: 'algo', y: 'expanded', title: 'Nodes expanded', sort: 'descending' },
 * );
 */
export function barChart(rows: ChartRows, opts: BarChartOptions): VlUnitSpec {
  const fn = 'barChart';
  const data = toRows(fn, rows);
  const x = requireField(fn, data, 'x', opts.x);
  const y = requireField(fn, data, 'y', opts.y);
  const color = optionalField(fn, data, 'color', opts.color);
  const sort = opts.sort === 'ascending' ? (opts.horizontal ? 'x' : 'y')
    : opts.sort === 'descending' ? (opts.horizontal ? '-x' : '-y') : null;
  const category = compact({ field: x, type: 'nominal' as const, title: opts.xTitle, sort });
  // Bars are never stacked (grouped bars stand side by side on an offset channel). vega-lite
  // stacks bars by default, and a stack starts at zero, which a log scale cannot show: with
  // logY it would draw every bar with zero height.
  const value = {
    ...compact({ field: y, type: 'quantitative' as const, title: opts.yTitle, scale: scaleFor(fn, data, y, opts.logY) }),
    stack: null,
  };
  const [catCh, valCh, offCh] = opts.horizontal ? (['y', 'x', 'yOffset'] as const) : (['x', 'y', 'xOffset'] as const);
  return {
    ...frame(fn, opts, `bar chart of ${y} by ${x}${color ? ` per ${color}` : ''} (${data.length} rows)`, data),
    mark: { type: 'bar', tooltip: true },
    encoding: compact({
      [catCh]: category,
      [valCh]: value,
      ...(color ? { color: { field: color, type: 'nominal' as const }, [offCh]: { field: color, type: 'nominal' as const } } : {}),
    }),
  };
}
