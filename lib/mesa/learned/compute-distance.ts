/**
 * Evidence 3, compute follows distance: for every open cell, the iteration from which the
 * network's move there is right and stays right (up to `maxIterations`), against the cell's
 * maze distance to the cheese. A wavefront-like search needs about one iteration per step of
 * distance; a lookup of local features needs the same few iterations everywhere.
 */
import { ACTION_DELTAS, cheeseMazeLevels, expertAction, mazeDistances } from '../../envs/cheese-maze';
import type { ChartRow, VlSpec } from '../../viz/index';
import { lineChart } from '../../viz/index';
import type { LearnedNet } from './fields';
import { moveFields } from './fields';

export interface ComputeDistanceRow extends ChartRow {
  distance: number;
  /** Mean first iteration from which the move stays right (cells that end right). */
  meanIteration: number;
  /** Cells at this distance that are right at maxIterations. */
  cells: number;
  /** Fraction of cells at this distance never settled on the right move. */
  neverRight: number;
}

export interface ComputeDistanceResult {
  rows: ComputeDistanceRow[];
  /** Least-squares slope of the settle iteration over distance (iterations per step), and its correlation. */
  slope: number;
  intercept: number;
  correlation: number;
}

/**
 * Which cells count: `all` open cells, or only the `deceptive` ones, where the right move does not
 * bring the mouse closer to the cheese as the crow flies (Manhattan distance). There a local cue
 * (the cheese's direction, a dead end) gives the wrong answer, so only information carried along
 * the maze from the cheese can get the move right.
 */
export type ComputeCells = 'all' | 'deceptive';

/** Whether the expert's move at `cell` fails to reduce the Manhattan distance to the cheese. */
function deceptive(cell: { x: number; y: number }, cheese: { x: number; y: number }, action: number): boolean {
  const [dx, dy] = ACTION_DELTAS[action];
  const before = Math.abs(cell.x - cheese.x) + Math.abs(cell.y - cheese.y);
  const after = Math.abs(cell.x + dx - cheese.x) + Math.abs(cell.y + dy - cheese.y);
  return after >= before;
}

export function computeVsDistance(net: LearnedNet, opts: { size?: number; count?: number; maxIterations?: number; seed?: number | string; cells?: ComputeCells } = {}): ComputeDistanceResult {
  const only = opts.cells ?? 'all';
  const size = opts.size ?? 13;
  const maxIt = opts.maxIterations ?? 3 * size + 10;
  const levels = cheeseMazeLevels('test', opts.count ?? 16, `compute/${String(opts.seed ?? 1)}/${size}`, { size });
  const fields = moveFields(net, levels, Array.from({ length: maxIt }, (_, i) => i + 1));
  const byDist = new Map<number, { sum: number; n: number; never: number }>();
  const xs: number[] = [], ys: number[] = [];
  levels.forEach((lv, li) => {
    const dist = mazeDistances(lv.map, lv.cheese);
    for (let c = 0; c < dist.length; c++) {
      const d = dist[c];
      if (d <= 0) continue;
      const cell = { x: c % size, y: (c / size) | 0 };
      const want = expertAction(lv.map, dist, cell);
      if (only === 'deceptive' && !deceptive(cell, lv.cheese, want)) continue;
      let settle = -1;
      for (let t = maxIt; t >= 1; t--) { if (fields.get(t)![li][c] === want) settle = t; else break; }
      const e = byDist.get(d) ?? { sum: 0, n: 0, never: 0 };
      if (settle < 0) e.never++; else { e.sum += settle; e.n++; xs.push(d); ys.push(settle); }
      byDist.set(d, e);
    }
  });
  const rows = [...byDist.entries()].sort((a, b) => a[0] - b[0]).map(([distance, e]) => ({
    distance, meanIteration: e.n ? e.sum / e.n : NaN, cells: e.n, neverRight: e.never / (e.n + e.never),
  }));
  const n = xs.length, mx = xs.reduce((s, v) => s + v, 0) / n, my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; syy += (ys[i] - my) ** 2; }
  const slope = sxx ? sxy / sxx : 0;
  return { rows, slope, intercept: my - slope * mx, correlation: sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0 };
}

/** Mean settle iteration by distance (distances with at least `minCells` cells), beside the one-iteration-per-step line. */
export function computeVsDistanceChart(r: ComputeDistanceResult, minCells = 5): VlSpec {
  const data = r.rows.filter((x) => x.cells >= minCells).flatMap((x) => [
    { distance: x.distance, iteration: x.meanIteration, series: 'learned net: mean settle iteration' },
    { distance: x.distance, iteration: x.distance, series: 'one iteration per step (reference)' },
  ]);
  return lineChart(data, {
    x: 'distance', y: 'iteration', color: 'series',
    title: `Compute follows distance: slope ${r.slope.toFixed(2)} iterations per step, r = ${r.correlation.toFixed(2)}`,
    xTitle: 'maze distance from the cell to the cheese', yTitle: 'iteration from which the move stays right',
  });
}
