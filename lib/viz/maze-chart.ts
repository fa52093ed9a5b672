import { fail } from '../core/errors';
import { MODULE, checkSize, frame } from './data';
import type { ChartOptions } from './data';
import { vizMessages } from './messages';
import type { ChartRow, VlFieldDef, VlLayerSpec, VlUnitSpec } from './spec';

/** A grid map as the search notebooks use it: `passable[y * width + x]` is non-zero for open cells. */
export interface MazeLike {
  readonly width: number;
  readonly height: number;
  readonly passable: ArrayLike<number>;
}

/** A cell: its index `y * width + x`, or its coordinates. */
export type MazeCell = number | { readonly x: number; readonly y: number };

/** Options of {@link mazeChart}. */
export interface MazeChartOptions extends Omit<ChartOptions, 'width' | 'height' | 'filter'> {
  start?: MazeCell;
  goal?: MazeCell;
  /** The path found, start to goal. */
  path?: readonly MazeCell[];
  /** Cells in the order the search expanded them; coloured by that order. */
  expanded?: readonly MazeCell[];
  /** Pixels per cell (default: fits the maze into about 480 px, between 4 and 24). */
  cellSize?: number;
  /**
   * Add a slider "search step" that shows only the first k expansions (default true when
   * `expanded` is given). The PNG fallback shows all of them.
   */
  stepSlider?: boolean;
}

/**
 * Draws a grid maze: walls, the cells a search expanded (coloured by expansion order, with a
 * slider to replay the search), the path, start and goal.
 *
 * @example
 * const maze = { width: 3, height: 2, passable: Uint8Array.from([1, 1, 1, 0, 0, 1]) };
 * mazeChart(maze, { start: 0, goal: { x: 2, y: 1 }, path: [0, 1, 2, 5], expanded: [0, 1, 2, 5] });
 */
export function mazeChart(map: MazeLike, opts: MazeChartOptions = {}): VlLayerSpec {
  const { width, height } = checkMap(map);
  const cell = (what: string, ref: MazeCell): { x: number; y: number } => toXY(what, ref, width, height);
  const cellSize = checkSize('mazeChart', 'cellSize', opts.cellSize)
    ?? Math.max(4, Math.min(24, Math.floor(480 / Math.max(width, height))));

  const walls: ChartRow[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (!map.passable[y * width + x]) walls.push({ x, y });
  }
  const expanded = (opts.expanded ?? []).map((ref, order) => ({ ...cell('expanded', ref), order: order + 1 }));
  const path = (opts.path ?? []).map((ref, i) => ({ ...cell('path', ref), i }));
  const ends: ChartRow[] = [
    ...(opts.start !== undefined ? [{ ...cell('start', opts.start), kind: 'start' }] : []),
    ...(opts.goal !== undefined ? [{ ...cell('goal', opts.goal), kind: 'goal' }] : []),
  ];
  const slider = (opts.stepSlider ?? expanded.length > 0) && expanded.length > 0;

  const xScale: VlFieldDef = { field: 'x', type: 'quantitative', scale: { domain: [0, width], nice: false, zero: true }, axis: null };
  const yScale: VlFieldDef = { field: 'y', type: 'quantitative', scale: { domain: [0, height], nice: false, zero: true, reverse: true }, axis: null };
  const cells = (values: ChartRow[], color: VlFieldDef, extra: Partial<VlUnitSpec> = {}): VlUnitSpec => ({
    data: { values },
    transform: [{ calculate: 'datum.x + 1', as: 'x1' }, { calculate: 'datum.y + 1', as: 'y1' }, ...(extra.transform ?? [])],
    mark: { type: 'rect', tooltip: true },
    encoding: { x: xScale, x2: { field: 'x1' }, y: yScale, y2: { field: 'y1' }, color },
    ...(extra.params ? { params: extra.params } : {}),
  });
  const centre = [{ calculate: 'datum.x + 0.5', as: 'cx' }, { calculate: 'datum.y + 0.5', as: 'cy' }];
  const cx: VlFieldDef = { ...xScale, field: 'cx' };
  const cy: VlFieldDef = { ...yScale, field: 'cy' };

  const layer: VlUnitSpec[] = [cells(walls, { value: '#333333' })];
  if (expanded.length > 0) {
    layer.push(cells(
      expanded,
      { field: 'order', type: 'quantitative', title: 'expansion order', scale: { scheme: 'blues', domain: [1, Math.max(2, expanded.length)] } },
      slider ? { transform: [{ filter: 'datum.order <= step' }] } : {},
    ));
  }
  if (path.length > 0) {
    layer.push({
      data: { values: path },
      transform: centre,
      mark: { type: 'line', color: '#ff7f0e', strokeWidth: Math.max(2, cellSize / 4) },
      encoding: { x: cx, y: cy, order: { field: 'i', type: 'quantitative' } },
    });
  }
  if (ends.length > 0) {
    layer.push({
      data: { values: ends },
      transform: centre,
      mark: { type: 'point', filled: true, opacity: 1, size: Math.max(30, cellSize * cellSize * 0.6), shape: 'square', tooltip: true },
      encoding: {
        x: cx, y: cy,
        color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['start', 'goal'], range: ['#2ca02c', '#d62728'] } },
      },
    });
  }
  const counts = [`${walls.length} walls`, expanded.length > 0 ? `${expanded.length} expanded` : '', path.length > 0 ? `path of ${path.length} cells` : '']
    .filter((s) => s.length > 0).join(', ');
  const head = frame('mazeChart', { ...opts, width: width * cellSize, height: height * cellSize }, `${width}×${height} maze: ${counts}`);
  return {
    ...head,
    ...(slider ? {
      params: [
        ...(opts.params ?? []),
        { name: 'step', value: expanded.length, bind: { input: 'range', min: 0, max: expanded.length, step: 1, name: 'search step ' } },
      ],
    } : {}),
    layer,
    resolve: { scale: { color: 'independent' } },
    config: { view: { stroke: '#333333' } },
  };
}

function checkMap(map: unknown): { width: number; height: number } {
  const m = map as Partial<MazeLike> | null;
  const ok = typeof m === 'object' && m !== null
    && Number.isInteger(m.width) && (m.width as number) > 0
    && Number.isInteger(m.height) && (m.height as number) > 0
    && m.passable !== undefined && typeof m.passable === 'object' && typeof m.passable.length === 'number';
  if (!ok) return fail(MODULE, vizMessages.mazeBadMap(map));
  const { width, height, passable } = m as MazeLike;
  if (passable.length !== width * height) fail(MODULE, vizMessages.mazePassableLength(passable.length, width, height));
  return { width, height };
}

function toXY(what: string, ref: MazeCell, width: number, height: number): { x: number; y: number } {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < width * height) return { x: ref % width, y: Math.floor(ref / width) };
  } else if (typeof ref === 'object' && ref !== null) {
    const { x, y } = ref;
    if (Number.isInteger(x) && Number.isInteger(y) && x >= 0 && x < width && y >= 0 && y < height) return { x, y };
  }
  return fail(MODULE, vizMessages.mazeCellOutside(what, ref, width, height));
}
