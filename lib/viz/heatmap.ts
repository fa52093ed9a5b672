import { fail } from '../core/errors';
import type { ChartOptions, ChartRows } from './data';
import { MODULE, compact, frame, requireField, scaleFor, toRows } from './data';
import { vizMessages } from './messages';
import type { VlFieldType, ChartRow, VlLayerSpec, VlUnitSpec } from './spec';

/** Options of {@link heatmap}. */
export interface HeatmapOptions extends ChartOptions {
  /** Column on the x axis (ordinal by default). */
  x: string;
  /** Column on the y axis (ordinal by default). */
  y: string;
  /** Numeric column giving each cell's colour. */
  value: string;
  xType?: VlFieldType;
  yType?: VlFieldType;
  /** Log colour scale (values must be positive). */
  logColor?: boolean;
  /** A vega colour scheme, default 'viridis'. */
  scheme?: string;
  /** Print each cell's value on it. */
  labels?: boolean;
  xTitle?: string;
  yTitle?: string;
  valueTitle?: string;
}

/**
 * A heatmap: one rectangle per (x, y) row, coloured by `value`.
 *
 * @example
 * heatmap(
 *   [{ source: 'A', target: 'B', success: 0.9 }, { source: 'A', target: 'C', success: 0.4 }],
 *   { x: 'target', y: 'source', value: 'success', title: 'Retargetability' },
 * );
 */
export function heatmap(rows: ChartRows, opts: HeatmapOptions): VlUnitSpec | VlLayerSpec {
  const fn = 'heatmap';
  const data = toRows(fn, rows);
  const x = requireField(fn, data, 'x', opts.x);
  const y = requireField(fn, data, 'y', opts.y);
  const value = requireField(fn, data, 'value', opts.value);
  const color = compact({
    field: value, type: 'quantitative' as const, title: opts.valueTitle,
    scale: scaleFor(fn, data, value, opts.logColor, { scheme: opts.scheme ?? 'viridis' }),
  });
  const rect: VlUnitSpec & { encoding: NonNullable<VlUnitSpec['encoding']> } = {
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: compact({ field: x, type: opts.xType ?? ('ordinal' as const), title: opts.xTitle }),
      y: compact({ field: y, type: opts.yType ?? ('ordinal' as const), title: opts.yTitle }),
      color,
    },
  };
  const head = frame(fn, opts, `heatmap of ${value} over ${x} × ${y} (${data.length} cells)`, data);
  if (!opts.labels) return { ...head, ...rect };
  const text: VlUnitSpec = {
    mark: { type: 'text', fontSize: 10 },
    encoding: {
      x: rect.encoding.x,
      y: rect.encoding.y,
      text: { field: value, type: 'quantitative', format: '.2~f' },
      // Dark text on the bright end of the scheme, white text on the dark end.
      color: { condition: { test: `datum[${JSON.stringify(value)}] >= ${labelSplit(data, value, opts.logColor)}`, value: 'black' }, value: 'white' },
    },
  };
  return { ...head, layer: [rect, text] };
}

function labelSplit(rows: readonly ChartRow[], field: string, log: boolean | undefined): number {
  const vals = rows.map((r) => r[field]).filter((v): v is number => typeof v === 'number');
  if (vals.length === 0) return 0;
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  return log && lo > 0 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
}

/**
 * Turns a matrix (`matrix[row][col]`) into heatmap rows `{row, col, value}`.
 *
 * @example
 * heatmap(matrixToRows([[1, 2], [3, 4]]), { x: 'col', y: 'row', value: 'value' });
 */
export function matrixToRows(matrix: readonly (readonly number[])[]): ChartRow[] {
  const width = matrix.length > 0 ? matrix[0].length : 0;
  const out: ChartRow[] = [];
  matrix.forEach((line, row) => {
    if (line.length !== width) fail(MODULE, vizMessages.matrixRagged(row, line.length, width));
    line.forEach((v, col) => out.push({ row, col, value: Number.isFinite(v) ? v : null }));
  });
  return out;
}
